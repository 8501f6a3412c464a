package io.wxops.admin.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (errors outside Spring MVC's
 * exception handling, such as an upload Tomcat refused) as a problem of the API's own
 * shape, in place of Boot's JSON error. {@code /error} requested directly is a 404: there
 * is no such resource. Never shows an exception's message.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.NOT_FOUND;
		}
		String detail = status.is5xxServerError() ? "The server could not answer this request. Try again later."
				: "The request was refused before it reached the API: " + status.getReasonPhrase() + ".";
		ProblemDetail problem = ProblemAdvice.problem(status, "http-" + status.value(), status.getReasonPhrase(),
				detail, null);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
