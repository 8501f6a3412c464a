package io.wxops.admin.people;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.people.DepartmentService.DepartmentView;
import io.wxops.admin.people.GrantService.GrantView;
import io.wxops.admin.people.PeopleService.Issued;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.EmailAddress;
import io.wxops.admin.web.HasText;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.admin.web.Present;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "People", description = "Departments, people and their role grants.")
class PeopleController {

	private final PeopleService service;

	private final DepartmentService departments;

	private final GrantService grants;

	PeopleController(PeopleService service, DepartmentService departments, GrantService grants) {
		this.service = service;
		this.departments = departments;
		this.grants = grants;
	}

	static final String DEPARTMENT_NAME = "name is required (at most 128 characters)";

	static final String CODE = "code must be 1 to 64 letters, digits, '_' or '-'";

	static final String USERNAME = "username must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter";

	static final String DISPLAY_NAME = "display name is required (at most 128 characters)";

	static final String DISPLAY_NAME_CHANGE = "display name must not be blank (at most 128 characters)";

	static final String VERSION = "send the version you loaded, so a concurrent change is not overwritten";

	/** Blank clears the number; otherwise digits, spaces, '-' and a leading '+'. */
	static final String MOBILE = HasText.BLANK + "|\\+?[0-9 -]{5,20}";

	record NewDepartment(Long parentId,
			@HasText(message = DEPARTMENT_NAME) @Size(max = 128, message = DEPARTMENT_NAME) String name,
			@Present(message = CODE) @Pattern(regexp = "[a-zA-Z0-9_-]{1,64}", message = CODE) String code) {
	}

	record DepartmentChange(Long parentId,
			@HasText(message = DEPARTMENT_NAME) @Size(max = 128, message = DEPARTMENT_NAME) String name,
			@Present(message = VERSION) Integer version) {
	}

	record NewPerson(
			@Present(message = USERNAME) @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9._-]{2,63}",
					message = USERNAME) String username,
			@HasText(message = DISPLAY_NAME) @Size(max = 128, message = DISPLAY_NAME) String displayName,
			Long departmentId,
			@Size(max = EmailAddress.MAX, message = "at most 128 characters") @EmailAddress String email,
			@Pattern(regexp = MOBILE, message = "not a phone number") String mobile) {
	}

	record PersonChange(
			@HasText(whenSent = true, message = DISPLAY_NAME_CHANGE) @Size(max = 128,
					message = DISPLAY_NAME_CHANGE) String displayName,
			Long departmentId,
			@Size(max = EmailAddress.MAX, message = "at most 128 characters") @EmailAddress String email,
			@Pattern(regexp = MOBILE, message = "not a phone number") String mobile, Boolean enabled,
			@Present(message = VERSION) Integer version) {
	}

	record NewGrant(@NotNull Role role, Long accountId, Long departmentId) {
	}

	@GetMapping("/api/departments")
	@AllowAnyPerson
	@Operation(summary = "List departments", description = "Every department, each with its parent, in creation order.")
	List<DepartmentView> departments() {
		return this.departments.departments();
	}

	@GetMapping("/api/departments/{id}")
	@AllowAnyPerson
	@Operation(summary = "Get a department")
	DepartmentView department(@PathVariable long id) {
		return this.departments.department(id);
	}

	@PostMapping("/api/departments")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a department", description = "Needs ADMIN on every account.")
	DepartmentView createDepartment(Caller caller, @Valid @RequestBody NewDepartment body) {
		return this.departments.createDepartment(caller, body.parentId(), body.name(), body.code());
	}

	@PutMapping("/api/departments/{id}")
	@Allow(Role.ADMIN)
	@Operation(summary = "Rename or move a department",
			description = "Send the version you loaded; a stale version gets 409.")
	DepartmentView updateDepartment(Caller caller, @PathVariable long id, @Valid @RequestBody DepartmentChange body) {
		return this.departments.updateDepartment(caller, id, body.parentId(), body.name(), body.version());
	}

	@GetMapping("/api/people")
	@Allow({ Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "List people",
			description = "Filter by text in username or name (q), department and enabled; paginated. A reader whose "
					+ "ADMIN or AUDITOR grants cover only some accounts sees only people holding a grant on one of "
					+ "those accounts or on every account; people without any grant only a reader on every account.")
	PageResult<PersonView> people(Caller caller, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Boolean enabled,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.service.people(caller, q, departmentId, enabled, PageRequest.of(page, size));
	}

	@GetMapping("/api/people/{id}")
	@Allow({ Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "Get a person",
			description = "A person outside the reader's accounts (see List people) answers 404, like an unknown id.")
	PersonView person(Caller caller, @PathVariable long id) {
		return this.service.view(caller, id);
	}

	@PostMapping("/api/people")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a person",
			description = "The answer carries a generated one-time password, shown only here; the person must change it "
					+ "at first sign-in.")
	Issued createPerson(Caller caller, @Valid @RequestBody NewPerson body) {
		return this.service.createPerson(caller, body.username(), body.displayName(), body.departmentId(), body.email(),
				body.mobile(), null);
	}

	@PatchMapping("/api/people/{id}")
	@Allow(Role.ADMIN)
	@Operation(summary = "Change a person",
			description = "Only the fields sent change. Disabling ends every session of the person. Send the version "
					+ "you loaded; a stale version gets 409.")
	PersonView updatePerson(Caller caller, @PathVariable long id, @Valid @RequestBody PersonChange body) {
		return this.service.updatePerson(caller, id, body.displayName(), body.departmentId(), body.email(),
				body.mobile(), body.enabled(), body.version());
	}

	@PostMapping("/api/people/{id}/password-reset")
	@Allow(Role.ADMIN)
	@Operation(summary = "Reset a person's password",
			description = "Returns a one-time password, shown only here, ends every session and lifts a lockout.")
	Issued resetPassword(Caller caller, @PathVariable long id) {
		return this.service.resetPassword(caller, id);
	}

	@PostMapping("/api/people/{id}/unlock")
	@Allow(Role.ADMIN)
	@Operation(summary = "Lift a sign-in lockout")
	PersonView unlock(Caller caller, @PathVariable long id) {
		return this.service.unlock(caller, id);
	}

	@GetMapping("/api/people/{id}/grants")
	@Allow({ Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "List a person's grants",
			description = "A reader whose grants cover only some accounts sees only the grants on those accounts or "
					+ "on every account; a person outside them answers 404.")
	List<GrantView> grants(Caller caller, @PathVariable long id) {
		return this.grants.grants(caller, id);
	}

	@PostMapping("/api/people/{id}/grants")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Grant a role",
			description = "accountId null means every account (needs ADMIN on every account); departmentId null means "
					+ "any department. A person the caller cannot see (see List people) answers 404.")
	GrantView grant(Caller caller, @PathVariable long id, @Valid @RequestBody NewGrant body) {
		return this.grants.grant(caller, id, body.role(), body.accountId(), body.departmentId());
	}

	@DeleteMapping("/api/people/{id}/grants/{grantId}")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a grant")
	void revokeGrant(Caller caller, @PathVariable long id, @PathVariable long grantId) {
		this.grants.revokeGrant(caller, id, grantId);
	}

}
