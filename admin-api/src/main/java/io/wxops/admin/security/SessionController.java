package io.wxops.admin.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.AdminProperties;
import io.wxops.admin.console.SessionCookie;
import io.wxops.admin.people.PeopleService;
import io.wxops.admin.people.PersonView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/session")
@Tag(name = "Session", description = "Sign in and out, see who you are, change your password.")
class SessionController {

	private final SessionService sessions;

	private final PeopleService people;

	private final long idleTimeoutSeconds;

	private final Clock clock;

	SessionController(SessionService sessions, PeopleService people, AdminProperties properties, Clock clock) {
		this.sessions = sessions;
		this.people = people;
		this.idleTimeoutSeconds = properties.login().idleTimeout().toSeconds();
		this.clock = clock;
	}

	/**
	 * Lengths are capped before any lookup or hash: no username is longer than its
	 * column, no password longer than the policy allows, so longer ones are refused as
	 * 400 without spending Argon2 time (or counting a failure).
	 */
	record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
	}

	record Token(String token, String tokenType, Instant expiresAt, boolean mustChangePassword) {
	}

	record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
			@NotBlank @Size(max = 128) String newPassword) {
	}

	record Me(PersonView person, List<Grant> grants, boolean mustChangePassword, long idleTimeoutSeconds,
			Instant serverTime) {
	}

	@PostMapping
	@AllowAnonymous
	@Operation(summary = "Sign in",
			description = "Returns a bearer token for 'Authorization: Bearer <token>'. Wrong credentials give 401; "
					+ "after repeated failures (5 by default, counted before the password is checked, so parallel "
					+ "attempts do not get more) the username is locked (423) for a while, whether or not it "
					+ "exists. A username over 64 or a password over 128 characters is a 400; a body over 16 KB "
					+ "a 413.")
	Token login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
		SessionService.SignedIn in = this.sessions.login(credentials.username(), credentials.password(),
				request.getRemoteAddr());
		return new Token(in.token(), "Bearer", in.expiresAt(), in.mustChangePassword());
	}

	@DeleteMapping
	@AllowAnyPerson(beforePasswordChange = true)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Sign out",
			description = "Revokes the token used for this request; signed in with the console's cookie, the cookie "
					+ "is cleared too.")
	void logout(Caller caller, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.logout(caller);
		clearCookie(request, response);
	}

	@GetMapping
	@AllowAnyPerson(beforePasswordChange = true)
	@Operation(summary = "Who am I",
			description = "The signed-in person and their grants, whether they must change their password before "
					+ "anything else, the idle timeout (seconds without a request after which the session ends, "
					+ "answered 401 session-expired) and the server's clock.")
	Me me(Caller caller) {
		PersonView person = this.people.view(caller.personId());
		return new Me(person, caller.grants(), person.mustChangePassword(), this.idleTimeoutSeconds,
				this.clock.instant());
	}

	@PutMapping("/password")
	@AllowAnyPerson(beforePasswordChange = true)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change your password",
			description = "Needs the current password. Every session of yours ends, this one included: sign in again. "
					+ "A wrong current password counts as a failed sign-in: after repeated failures the answer is "
					+ "423 and sign-in is locked too. Signed in with the console's cookie, the cookie is cleared "
					+ "as the session ends.")
	void changePassword(Caller caller, @Valid @RequestBody PasswordChange change, HttpServletRequest request,
			HttpServletResponse response) {
		this.sessions.changePassword(caller, change.currentPassword(), change.newPassword());
		clearCookie(request, response);
	}

	/** The session this cookie named has ended: the browser should forget it. */
	private static void clearCookie(HttpServletRequest request, HttpServletResponse response) {
		if (SessionCookie.token(request) != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, SessionCookie.clear(request));
		}
	}

}
