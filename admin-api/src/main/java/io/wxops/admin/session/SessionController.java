package io.wxops.admin.session;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.people.PeopleService;
import io.wxops.admin.people.PersonView;
import io.wxops.admin.security.AllowAnonymous;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Grant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

	SessionController(SessionService sessions, PeopleService people) {
		this.sessions = sessions;
		this.people = people;
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

	record Me(PersonView person, List<Grant> grants) {
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
	@Operation(summary = "Sign out", description = "Revokes the token used for this request.")
	void logout(Caller caller) {
		this.sessions.logout(caller);
	}

	@GetMapping
	@AllowAnyPerson(beforePasswordChange = true)
	@Operation(summary = "Who am I", description = "The signed-in person and their grants.")
	Me me(Caller caller) {
		return new Me(this.people.view(caller.personId()), caller.grants());
	}

	@PutMapping("/password")
	@AllowAnyPerson(beforePasswordChange = true)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change your password",
			description = "Needs the current password. Every session of yours ends, this one included: sign in again. "
					+ "A wrong current password counts as a failed sign-in: after repeated failures the answer is "
					+ "423 and sign-in is locked too.")
	void changePassword(Caller caller, @Valid @RequestBody PasswordChange change) {
		this.sessions.changePassword(caller, change.currentPassword(), change.newPassword());
	}

}
