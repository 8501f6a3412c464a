package io.wxops.admin.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.core.account.AccountNotFoundException;
import io.wxops.core.account.AccountNotOperatingException;
import io.wxops.core.account.ConcurrentAccountChangeException;
import io.wxops.core.account.InvalidAccountException;
import io.wxops.core.wechat.WeChatCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's one error model: every error is an RFC 9457 problem with a stable
 * {@code type}; field errors are listed under {@code errors} as {@code field} and
 * {@code message} pairs.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	/** Base of every problem type URI. */
	public static final String TYPE_BASE = "https://wxops.io/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	/** A problem of a catalogued kind. */
	public static ProblemDetail problem(Problem kind, String title, String detail, Map<String, String> fieldErrors) {
		return problem(kind.status(), kind.slug(), title, detail, fieldErrors);
	}

	static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail,
			Map<String, String> fieldErrors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		if (fieldErrors != null && !fieldErrors.isEmpty()) {
			problem.setProperty("errors",
					fieldErrors.entrySet()
						.stream()
						.map((e) -> Map.of("field", e.getKey(), "message", e.getValue()))
						.toList());
		}
		return problem;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ProblemDetail problem = problem(ex.status(), ex.type(), ex.title(), ex.getMessage(), ex.fieldErrors());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(InvalidAccountException.class)
	ResponseEntity<ProblemDetail> invalidAccount(InvalidAccountException ex) {
		return api(ApiException.invalid(ex.fieldErrors()));
	}

	@ExceptionHandler(AccountNotFoundException.class)
	ResponseEntity<ProblemDetail> accountNotFound(AccountNotFoundException ex) {
		return api(ApiException.notFound("Account", ex.getMessage()));
	}

	@ExceptionHandler(ConcurrentAccountChangeException.class)
	ResponseEntity<ProblemDetail> concurrentAccountChange(ConcurrentAccountChangeException ex) {
		return api(ApiException.staleVersion("account"));
	}

	/**
	 * WeChat refused or could not be reached. A refusal of candidate credentials names
	 * the field (400); anything else keeps the status the translation chose.
	 */
	@ExceptionHandler(WeChatCallException.class)
	ResponseEntity<ProblemDetail> wechat(WeChatCallException ex) {
		HttpStatusCode status = (ex.field() != null) ? HttpStatus.BAD_REQUEST : HttpStatusCode.valueOf(ex.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.detail());
		problem.setType(ex.type());
		problem.setTitle(ex.title());
		problem.setProperty("errcode", ex.errcode());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.detail())));
		}
		log.info("WeChat call refused: errcode {} ({})", ex.errcode(), ex.error());
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler(AccountNotOperatingException.class)
	ResponseEntity<ProblemDetail> notOperating(AccountNotOperatingException ex) {
		ProblemDetail problem = problem(Problem.ACCOUNT_NOT_OPERATING, "The account may not mass send or reply now",
				ex.getMessage(), null);
		problem.setProperty("standing", ex.standing().code());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return api(ApiException.invalid(ex.getName(), "'" + ex.getValue() + "' is not a valid value"));
	}

	/**
	 * An upload that is not multipart/form-data, or one the multipart parser could not
	 * read (no boundary, a broken part header): the part to send is named.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> notMultipart(MultipartException ex) {
		return api(ApiException.invalid("file",
				"send the file as multipart/form-data (with its boundary) in a part named 'file'"));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(Problem.INVALID_REQUEST, "The request is not valid",
					"Correct the fields listed in 'errors' and send it again.",
					Map.of(ex.getRequestPartName(), "a multipart/form-data part of this name is required")));
	}

	/**
	 * The database away: a pool that cannot connect, a connection lost under a query or a
	 * commit (the session lookup of every request meets this first), a lock wait.
	 * Anything else of these types (a commit refused for another reason) stays an error.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException ex) {
		if (!StorageOutage.isOutage(ex)) {
			throw ex;
		}
		log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(Problem.STORAGE_UNAVAILABLE, "Storage is unavailable",
					"The database could not be reached; nothing was changed. Try again in a few seconds.", null));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		List<FieldError> fieldErrors = ex.getBindingResult().getFieldErrors();
		for (FieldError error : fieldErrors) {
			errors.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
		return ResponseEntity.badRequest()
			.body(problem(Problem.INVALID_REQUEST, "The request is not valid",
					"Correct the fields listed in 'errors' and send it again.", errors));
	}

	/**
	 * Constraints on request parameters (e.g. {@code @Pattern} on a
	 * {@code @RequestParam}): the same problem as for a body, each error named after its
	 * parameter.
	 */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (!status.is4xxClientError()) {
			return super.handleHandlerMethodValidationException(ex, headers, status, request);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors bound) {
				bound.getFieldErrors()
					.forEach((error) -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
				continue;
			}
			String name = parameterName(result.getMethodParameter());
			result.getResolvableErrors().forEach((error) -> errors.putIfAbsent(name, error.getDefaultMessage()));
		}
		return ResponseEntity.badRequest()
			.body(problem(Problem.INVALID_REQUEST, "The request is not valid",
					"Correct the fields listed in 'errors' and send it again.", errors));
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return parameter.getParameterName();
	}

	/**
	 * A body that is not JSON, or a value of the wrong kind (text for a number, an
	 * unknown enum constant): the field is named when Jackson knows it.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof RequestLimitFilter.BodyTooLargeException tooLarge) {
				// A chunked body that went past its limit while the parser read it.
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.header(HttpHeaders.CONNECTION, "close")
					.body(RequestLimitFilter.tooLarge(tooLarge.limit()));
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Throwable cause = ex.getCause();
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			StringBuilder field = new StringBuilder();
			for (var reference : mismatch.getPath()) {
				if (reference.getPropertyName() != null) {
					field.append((field.length() > 0) ? "." : "").append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					field.append('[').append(reference.getIndex()).append(']');
				}
			}
			String expected = (mismatch.getTargetType() != null && mismatch.getTargetType().isEnum())
					? "one of " + java.util.Arrays.toString(mismatch.getTargetType().getEnumConstants())
					: "a value of type " + ((mismatch.getTargetType() != null)
							? mismatch.getTargetType().getSimpleName() : "the documented type");
			errors.put(field.toString(), "expected " + expected);
		}
		String detail = errors.isEmpty() ? "The body is not valid JSON of the documented shape."
				: "Correct the fields listed in 'errors' and send it again.";
		return ResponseEntity.badRequest()
			.body(problem(Problem.INVALID_REQUEST, "The request is not valid", detail, errors));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		// Spring leaves the type out (or about:blank) on its own 4xx answers (404, 405,
		// 413,
		// 415, ...): they get a stable one of ours too.
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(URI.create(TYPE_BASE + "http-" + statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
