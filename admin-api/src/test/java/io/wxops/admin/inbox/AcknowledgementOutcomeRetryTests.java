package io.wxops.admin.inbox;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of an acknowledgement's outcome write are the database being away for a
 * while (written again) and which are not (the ticket stays SENDING at once). The fault
 * suite's database cut showed the transaction manager's own two: no connection to begin
 * with, and "JDBC rollback failed" on a connection that died under the write.
 */
class AcknowledgementOutcomeRetryTests {

	@Test
	void anOutageSeenByTheDriverThePoolOrTheTransactionManagerIsWrittenAgain() {
		assertThat(Acknowledgements.storageUnavailable(new CannotGetJdbcConnectionException("pool timed out")))
			.isTrue();
		assertThat(Acknowledgements.storageUnavailable(new DataAccessResourceFailureException("link failure")))
			.isTrue();
		assertThat(Acknowledgements.storageUnavailable(new RecoverableDataAccessException("connection lost"))).isTrue();
		assertThat(Acknowledgements.storageUnavailable(new CannotAcquireLockException("lock wait timeout"))).isTrue();
		assertThat(Acknowledgements.storageUnavailable(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(Acknowledgements.storageUnavailable(new TransactionSystemException("JDBC rollback failed")))
			.isTrue();
	}

	@Test
	void aMistakeInTheWriteItselfIsNotRetried() {
		assertThat(Acknowledgements.storageUnavailable(new DuplicateKeyException("duplicate"))).isFalse();
		assertThat(Acknowledgements
			.storageUnavailable(new BadSqlGrammarException("insert", "INSERT", new SQLException("syntax")))).isFalse();
		assertThat(Acknowledgements.storageUnavailable(new IllegalStateException("bug"))).isFalse();
	}

}
