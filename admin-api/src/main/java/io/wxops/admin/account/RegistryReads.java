package io.wxops.admin.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.AccountViews.AccountView;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountType;

import org.springframework.stereotype.Service;

/**
 * Reading the registry: the accounts a caller may see, paged or all of them for an
 * export, one account, and the department names an export shows.
 */
@Service
class RegistryReads {

	private final AccountMapper accounts;

	private final AccountAccess access;

	private final DepartmentMapper departments;

	RegistryReads(AccountMapper accounts, AccountAccess access, DepartmentMapper departments) {
		this.accounts = accounts;
		this.access = access;
		this.departments = departments;
	}

	public PageResult<AccountView> list(Caller caller, AccountStatus status, AccountType type, Long departmentId,
			String query, PageRequest page) {
		LambdaQueryWrapper<Account> where = scoped(caller, status, type, departmentId, query);
		return page.result(this.accounts.selectPage(page.toPage(), where.orderByAsc(Account::getId)))
			.map(AccountView::of);
	}

	/** Every account the caller may see that matches, in id order, for exports. */
	public List<Account> all(Caller caller, AccountStatus status, AccountType type, Long departmentId, String query) {
		return this.accounts.selectList(
				scoped(caller, status, type, departmentId, query).orderByAsc(Account::getId).last("LIMIT 10000"));
	}

	private LambdaQueryWrapper<Account> scoped(Caller caller, AccountStatus status, AccountType type, Long departmentId,
			String query) {
		Optional<Set<Long>> scope = caller.accountScope(Role.values());
		LambdaQueryWrapper<Account> where = Wrappers.<Account>lambdaQuery()
			.eq(status != null, Account::getStatus, status)
			.eq(type != null, Account::getAccountType, type)
			.eq(departmentId != null, Account::getOwningDepartmentId, departmentId)
			.and(query != null && !query.isBlank(),
					(w) -> w.like(Account::getName, query.trim())
						.or()
						.eq(Account::getAppId, query.trim())
						.or()
						.eq(Account::getWechatId, query.trim()));
		if (scope.isPresent()) {
			Set<Long> ids = scope.get();
			where.in(Account::getId, ids.isEmpty() ? Set.of(-1L) : ids);
		}
		return where;
	}

	public AccountView get(Caller caller, long id) {
		return AccountView.of(this.access.visible(caller, id));
	}

	/** Department names by id, for exports. */
	public Map<Long, String> departmentNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		this.departments.selectList(null).forEach((d) -> names.put(d.getId(), d.getName()));
		return names;
	}

}
