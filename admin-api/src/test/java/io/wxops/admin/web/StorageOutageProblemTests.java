package io.wxops.admin.web;

import java.sql.SQLRecoverableException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database going away under a request is a 503 problem, whichever layer sees it
 * first: the fault suite caught a connection lost under the session lookup answered 500.
 */
class StorageOutageProblemTests {

	private final MockMvcTester mvc = MockMvcTester
		.create(MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ProblemAdvice()).build());

	@ParameterizedTest
	@ValueSource(strings = { "link-lost", "pool-timeout", "no-transaction", "commit-lost", "lock-wait" })
	void anOutageIsA503ProblemWithRetryAfter(String kind) {
		assertThat(this.mvc.get().uri("/fail/" + kind)).hasStatus(503)
			.hasHeader("Retry-After", "5")
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(ProblemAdvice.TYPE_BASE + "storage-unavailable");
	}

	@ParameterizedTest
	@ValueSource(strings = { "commit-refused", "duplicate" })
	void aRefusedStatementIsNotCalledAnOutage(String kind) {
		assertThat(this.mvc.get().uri("/fail/" + kind)).hasFailed()
			.failure()
			.satisfies((failure) -> assertThat(causes(failure)).hasAtLeastOneElementOfType(
					kind.equals("duplicate") ? DuplicateKeyException.class : CommitRefused.class));
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable t = ex; t != null && chain.size() < 10; t = t.getCause()) {
			chain.add(t);
		}
		return chain;
	}

	@RestController
	static class Failing {

		@GetMapping("/fail/{kind}")
		String fail(@PathVariable String kind) {
			throw switch (kind) {
				case "link-lost" -> new RecoverableDataAccessException("Communications link failure",
						new SQLRecoverableException("EOF"));
				case "pool-timeout" -> new CannotGetJdbcConnectionException("Connection is not available");
				case "no-transaction" -> new CannotCreateTransactionException("Could not open JDBC Connection");
				case "commit-lost" -> new TransactionSystemException("Could not commit JDBC transaction",
						new SQLRecoverableException("connection lost"));
				case "lock-wait" -> new CannotAcquireLockException("Lock wait timeout exceeded");
				case "commit-refused" -> new CommitRefused();
				default -> new DuplicateKeyException("Duplicate entry");
			};
		}

	}

	/** A transaction-system failure that is not an outage. */
	static class CommitRefused extends TransactionSystemException {

		CommitRefused() {
			super("Commit refused by a listener", new IllegalStateException("listener"));
		}

	}

}
