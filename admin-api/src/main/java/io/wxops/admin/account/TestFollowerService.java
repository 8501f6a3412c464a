package io.wxops.admin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.wxops.admin.account.AccountViews.TestFollowerEntry;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's test followers, who receive mass-send previews: read, or replaced as a
 * whole list (at most 20).
 */
@Service
class TestFollowerService {

	private static final Pattern OPENID = Pattern.compile("[0-9a-zA-Z_-]{6,64}");

	private final AccountAccess access;

	private final TestFollowerMapper testFollowers;

	private final AuditTrail audit;

	private final Clock clock;

	TestFollowerService(AccountAccess access, TestFollowerMapper testFollowers, AuditTrail audit, Clock clock) {
		this.access = access;
		this.testFollowers = testFollowers;
		this.audit = audit;
		this.clock = clock;
	}

	public List<TestFollowerEntry> testFollowers(Caller caller, long id) {
		this.access.visible(caller, id);
		return this.testFollowers.findByAccount(id)
			.stream()
			.map((t) -> new TestFollowerEntry(t.getOpenid(), t.getLabel()))
			.toList();
	}

	@Transactional
	public List<TestFollowerEntry> replaceTestFollowers(Caller caller, long id, List<TestFollowerEntry> entries) {
		this.access.withRole(caller, id, Role.ADMIN);
		Map<String, String> errors = new LinkedHashMap<>();
		if (entries == null || entries.size() > 20) {
			errors.put("testFollowers", "send a list of at most 20 test followers");
		}
		else {
			Set<String> seen = new LinkedHashSet<>();
			for (int i = 0; i < entries.size(); i++) {
				TestFollowerEntry e = entries.get(i);
				if (e == null || e.openid() == null || !OPENID.matcher(e.openid()).matches()) {
					errors.put("testFollowers[" + i + "].openid", "an openid is 6 to 64 letters, digits, '_' or '-'");
				}
				else if (!seen.add(e.openid())) {
					errors.put("testFollowers[" + i + "].openid", "listed twice");
				}
				if (e != null && (e.label() == null || e.label().isBlank() || e.label().length() > 64)) {
					errors.put("testFollowers[" + i + "].label", "a label saying who this is is required (at most 64)");
				}
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		List<TestFollowerEntry> before = testFollowers(caller, id);
		this.testFollowers.deleteByAccount(id);
		Instant now = now();
		for (TestFollowerEntry e : entries) {
			TestFollower row = new TestFollower();
			row.setAccountId(id);
			row.setOpenid(e.openid());
			row.setLabel(e.label().trim());
			row.setCreatedAt(now);
			this.testFollowers.insert(row);
		}
		List<TestFollowerEntry> after = testFollowers(caller, id);
		this.audit.record(caller, "TEST_FOLLOWERS_REPLACED", "ACCOUNT", id, id, before, after);
		return after;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
