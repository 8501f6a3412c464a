package io.wxops.admin.console;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.AdminProperties;
import io.wxops.admin.security.AllowAnonymous;
import io.wxops.admin.security.SessionService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's sign-in: the same sign-in as {@code POST /api/session} (guard, lockout,
 * audit), but the token goes into an httpOnly cookie instead of the body, so no page
 * script ever holds it.
 */
@RestController
@Tag(name = "Session")
class ConsoleSessionController {

	private final SessionService sessions;

	private final long idleTimeoutSeconds;

	ConsoleSessionController(SessionService sessions, AdminProperties properties) {
		this.sessions = sessions;
		this.idleTimeoutSeconds = properties.login().idleTimeout().toSeconds();
	}

	/** As {@code POST /api/session} takes them, with the same limits. */
	record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
	}

	record ConsoleSignedIn(boolean mustChangePassword, Instant expiresAt, long idleTimeoutSeconds) {
	}

	@PostMapping(CrossSiteRequestInterceptor.CONSOLE_SIGN_IN)
	@AllowAnonymous
	@Operation(summary = "Sign in to the console",
			description = "As POST /api/session (same body, limits, lockout and audit), but the token is set as the "
					+ "cookie wxops_session (HttpOnly, SameSite=Strict, Path=/, Secure over https) and never appears "
					+ "in the body. Requests with the cookie are then signed in like bearer requests; their POST, PUT, "
					+ "PATCH and DELETE must come from the console's own pages (Sec-Fetch-Site: same-origin, or an "
					+ "Origin of this server or of wxops.admin.console.allowed-origins), else 403 cross-site-request. "
					+ "This sign-in is checked the same way. A background poll sends X-Wxops-Poll: 1 so that it does "
					+ "not count as activity for the idle timeout (idleTimeoutSeconds).")
	ConsoleSignedIn signIn(@Valid @RequestBody Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) {
		SessionService.SignedIn in = this.sessions.login(credentials.username(), credentials.password(),
				request.getRemoteAddr());
		response.addHeader(HttpHeaders.SET_COOKIE, SessionCookie.issue(in.token(), request));
		return new ConsoleSignedIn(in.mustChangePassword(), in.expiresAt(), this.idleTimeoutSeconds);
	}

}
