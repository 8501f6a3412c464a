package io.wxops.admin.security;

import java.util.Arrays;

import io.wxops.admin.console.SessionCookie;
import io.wxops.admin.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces each {@code /api} endpoint's access annotation before the endpoint runs: who
 * is calling (bearer token, or the console's session cookie), whether they must change
 * their password first, and whether one of their roles may call it at all. Deny by
 * default: an endpoint without an annotation is refused to everyone.
 */
class AccessInterceptor implements HandlerInterceptor {

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private final SessionService sessions;

	AccessInterceptor(SessionService sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		if (method.hasMethodAnnotation(AllowAnonymous.class)) {
			return true;
		}
		String token = token(request);
		SessionService.Authenticated who = this.sessions
			.authenticate(token, request.getRemoteAddr(), !SessionCookie.isBackgroundPoll(request))
			.orElseThrow(() -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				if (this.sessions.timedOut(token)) {
					return new ApiException(HttpStatus.UNAUTHORIZED, "session-expired", "Your session has ended",
							"You were signed out after a while without activity, or your session reached its "
									+ "lifetime. Sign in again.");
				}
				return new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
						"Send 'Authorization: Bearer <token>' with a token from POST /api/session. "
								+ "Tokens end on logout, password change, after inactivity and when they expire.");
			});
		AllowAnyPerson anyPerson = method.getMethodAnnotation(AllowAnyPerson.class);
		if (who.mustChangePassword() && (anyPerson == null || !anyPerson.beforePasswordChange())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "password-change-required", "Change your password first",
					"Your password was set by someone else. Change it with PUT /api/session/password, then sign in again.");
		}
		Allow allow = method.getMethodAnnotation(Allow.class);
		if (anyPerson == null) {
			if (allow == null) {
				throw ApiException.forbidden("This endpoint has no access rule, so nobody may call it.");
			}
			if (!who.caller().hasAnyRole(allow.value())) {
				throw ApiException.forbidden("This needs one of the roles " + Arrays.toString(allow.value())
						+ ". Ask an administrator for a grant.");
			}
		}
		request.setAttribute(CALLER_ATTRIBUTE, who.caller());
		return true;
	}

	/**
	 * The bearer token, or else the console's cookie (a bearer header wins when both are
	 * sent).
	 */
	private static String token(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return SessionCookie.token(request);
		}
		return header.substring(7).trim();
	}

}
