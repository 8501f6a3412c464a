package io.wxops.admin.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being away for a while (no connection, a lost one, a
 * lock wait), as opposed to a bug or a refused statement. The API answers the first with
 * a 503 problem and work that can wait (an acknowledgement's outcome) tries again.
 */
public final class StorageOutage {

	private StorageOutage() {
	}

	public static boolean isOutage(Throwable ex) {
		// A transaction that could not begin (no connection) or end (the connection died
		// under its commit or rollback) is the same outage, seen by the transaction
		// manager.
		if (ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
				|| ex instanceof RecoverableDataAccessException || ex instanceof CannotCreateTransactionException
				|| ex instanceof TransactionSystemException) {
			return true;
		}
		// MyBatis wraps what it could not translate (the pool's own timeout, say).
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
		}
		return false;
	}

}
