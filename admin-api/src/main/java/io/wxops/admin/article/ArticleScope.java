package io.wxops.admin.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Grant;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;

/**
 * The article list as one paged query: the caller's grants become its WHERE clause (each
 * grant an account and a department, either of which may be "any"), so the database
 * counts and pages exactly the rows the caller may see.
 */
final class ArticleScope {

	private ArticleScope() {
	}

	static PageResult<Article> page(ArticleMapper articles, Caller caller, Role[] roles, Long accountId,
			ArticleStatus status, PageRequest page) {
		LambdaQueryWrapper<Article> where = Wrappers.<Article>lambdaQuery()
			// The list shows no body: it may be up to a million characters per row.
			.select(Article::getId, Article::getAccountId, Article::getDepartmentId, Article::getTitle,
					Article::getSensitivity, Article::getStatus, Article::getContentVersion, Article::getUpdatedAt)
			.eq(accountId != null, Article::getAccountId, accountId)
			.eq(status != null, Article::getStatus, (status != null) ? status.name() : null);
		covered(where, caller, roles);
		where.orderByDesc(Article::getUpdatedAt).orderByDesc(Article::getId);
		Page<Article> result = articles.selectPage(new Page<>(page.page() + 1L, page.size()), where);
		return new PageResult<>(result.getRecords(), page.page(), page.size(), result.getTotal());
	}

	/** What one grant covers; null is "any". */
	private record Scope(Long accountId, Long departmentId) {
	}

	/** Limits the query to the rows a grant of one of the roles covers. */
	private static void covered(LambdaQueryWrapper<Article> where, Caller caller, Role[] roles) {
		if (caller.isSystem()) {
			return;
		}
		List<Role> wanted = List.of(roles);
		Set<Scope> scopes = new LinkedHashSet<>();
		for (Grant g : caller.grants()) {
			if (wanted.contains(g.role())) {
				scopes.add(new Scope(g.accountId(), g.departmentId()));
			}
		}
		if (scopes.stream().anyMatch((g) -> g.accountId() == null && g.departmentId() == null)) {
			return;
		}
		if (scopes.isEmpty()) {
			where.apply("1 = 0");
			return;
		}
		where.and((any) -> scopes
			.forEach((g) -> any.or((one) -> one.eq(g.accountId() != null, Article::getAccountId, g.accountId())
				.eq(g.departmentId() != null, Article::getDepartmentId, g.departmentId()))));
	}

}
