package io.wxops.gateway.callback;

import java.net.URI;

import io.wxops.gateway.GatewayMetrics;
import io.wxops.gateway.bench.BaselineController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns refusals and failures into RFC 9457 problem details. A refusal is a 4xx with its
 * reason; a storage failure is a 503 so that WeChat retries, because the message was not
 * kept.
 */
@RestControllerAdvice(assignableTypes = { CallbackController.class, BaselineController.class })
class CallbackExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(CallbackExceptionHandler.class);

	private static final String TYPE_BASE = "https://wxops.io/problems/callback/";

	private final GatewayMetrics metrics;

	CallbackExceptionHandler(GatewayMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler
	ProblemDetail rejected(CallbackRejectedException ex) {
		Rejection r = ex.rejection();
		this.metrics.rejection(r.code());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(r.status(), ex.getMessage());
		problem.setType(URI.create(TYPE_BASE + r.code()));
		problem.setTitle(r.title());
		return problem;
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ProblemDetail storageUnavailable(RuntimeException ex) {
		this.metrics.rejection("storage-unavailable");
		log.warn("Callback not stored, answering 503 so WeChat retries: {}", ex.getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The message could not be stored right now; WeChat will deliver it again.");
		problem.setType(URI.create(TYPE_BASE + "storage-unavailable"));
		problem.setTitle("Storage unavailable");
		return problem;
	}

}
