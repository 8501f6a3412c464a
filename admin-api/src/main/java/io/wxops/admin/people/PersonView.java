package io.wxops.admin.people;

import java.time.Instant;

/** A person as the API shows them: never the password or its hash. */
public record PersonView(long id, String username, String displayName, long departmentId, String email, String mobile,
		boolean enabled, boolean mustChangePassword, Instant lockedUntil, Instant passwordChangedAt, int version) {

	static PersonView of(Person p) {
		return new PersonView(p.getId(), p.getUsername(), p.getDisplayName(), p.getDepartmentId(), p.getEmail(),
				p.getMobile(), Boolean.TRUE.equals(p.getEnabled()), Boolean.TRUE.equals(p.getMustChangePassword()),
				p.getLockedUntil(), p.getPasswordChangedAt(), p.getVersion());
	}

}
