package io.wxops.admin.people;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department tree every person belongs to. Creating and changing departments needs
 * ADMIN on every account.
 */
@Service
public class DepartmentService {

	private final DepartmentMapper departments;

	private final AuditTrail audit;

	private final Clock clock;

	public DepartmentService(DepartmentMapper departments, AuditTrail audit, Clock clock) {
		this.departments = departments;
		this.audit = audit;
		this.clock = clock;
	}

	public record DepartmentView(long id, Long parentId, String name, String code, int version) {

		static DepartmentView of(Department d) {
			return new DepartmentView(d.getId(), d.getParentId(), d.getName(), d.getCode(), d.getVersion());
		}

	}

	public List<DepartmentView> departments() {
		return this.departments.selectList(Wrappers.<Department>lambdaQuery().orderByAsc(Department::getId))
			.stream()
			.map(DepartmentView::of)
			.toList();
	}

	public DepartmentView department(long id) {
		return DepartmentView.of(requireDepartment(id));
	}

	@Transactional
	public DepartmentView createDepartment(Caller caller, Long parentId, String name, String code) {
		caller.requireEverywhere(Role.ADMIN);
		Map<String, String> errors = new LinkedHashMap<>();
		if (parentId != null && this.departments.selectById(parentId) == null) {
			errors.put("parentId", "there is no department " + parentId);
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		Instant now = now();
		Department d = new Department();
		d.setParentId(parentId);
		d.setName(name.trim());
		d.setCode(code);
		d.setVersion(1);
		d.setCreatedAt(now);
		d.setUpdatedAt(now);
		try {
			this.departments.insert(d);
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.invalid("code", "another department already has the code " + code);
		}
		DepartmentView view = DepartmentView.of(d);
		this.audit.record(caller, "DEPARTMENT_CREATED", "DEPARTMENT", d.getId(), null, null, view);
		return view;
	}

	@Transactional
	public DepartmentView updateDepartment(Caller caller, long id, Long parentId, String name, Integer version) {
		caller.requireEverywhere(Role.ADMIN);
		Department d = requireDepartment(id);
		DepartmentView before = DepartmentView.of(d);
		Map<String, String> errors = new LinkedHashMap<>();
		if (parentId != null) {
			if (this.departments.selectById(parentId) == null) {
				errors.put("parentId", "there is no department " + parentId);
			}
			else if (createsCycle(id, parentId)) {
				errors.put("parentId", "a department cannot be placed under itself or one of its sub-departments");
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		d.setParentId(parentId);
		d.setName(name.trim());
		d.setUpdatedAt(now());
		d.setVersion(version + 1);
		int updated = this.departments.update(d,
				Wrappers.<Department>lambdaUpdate().eq(Department::getId, id).eq(Department::getVersion, version));
		if (updated != 1) {
			throw ApiException.staleVersion("department");
		}
		DepartmentView after = DepartmentView.of(d);
		this.audit.record(caller, "DEPARTMENT_UPDATED", "DEPARTMENT", id, null, before, after);
		return after;
	}

	private boolean createsCycle(long id, long newParent) {
		Set<Long> seen = new HashSet<>();
		Long current = newParent;
		while (current != null && seen.add(current)) {
			if (current == id) {
				return true;
			}
			Department d = this.departments.selectById(current);
			current = (d != null) ? d.getParentId() : null;
		}
		return false;
	}

	Department requireDepartment(long id) {
		Department d = this.departments.selectById(id);
		if (d == null) {
			throw ApiException.notFound("Department", id);
		}
		return d;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
