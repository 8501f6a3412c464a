package io.wxops.admin.security;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.people.PeopleService;
import io.wxops.admin.people.PersonView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

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

	record Credentials(@NotBlank String username, @NotBlank String password) {
	}

	record Token(String token, String tokenType, Instant expiresAt, boolean mustChangePassword) {
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record Me(PersonView person, List<Grant> grants) {
	}

	@PostMapping
	@AllowAnonymous
	@Operation(summary = "Sign in",
			description = "Returns a bearer token for 'Authorization: Bearer <token>'. Wrong credentials give 401; "
					+ "after repeated failures the person is locked (423) for a while.")
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
			description = "Needs the current password. Every session of yours ends, this one included: sign in again.")
	void changePassword(Caller caller, @Valid @RequestBody PasswordChange change) {
		this.sessions.changePassword(caller, change.currentPassword(), change.newPassword());
	}

}
