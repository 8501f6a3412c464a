package io.wxops.admin;

import javax.sql.DataSource;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.OptimisticLockerInnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.wxops.core.WxCoreConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The admin API's wiring, apart from its main class so slice tests can leave it out. */
@Configuration(proxyBeanMethods = false)
@Import(WxCoreConfiguration.class)
@MapperScan(basePackages = "io.wxops.admin", annotationClass = Mapper.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
class AdminConfiguration {

	/** Scheduled jobs take their lock in the shared database, using its clock. */
	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	/**
	 * MyBatis-Plus plumbing for every feature: operator-facing lists page in the database
	 * ({@code Page} parameters get a COUNT and a LIMIT; at most 200 rows a page), and
	 * entities with a {@code @Version} field are updated only at the version they were
	 * read (a stale update changes no row, which the feature reports as 409).
	 */
	@Bean
	MybatisPlusInterceptor mybatisPlusInterceptor() {
		MybatisPlusInterceptor interceptor = new MybatisPlusInterceptor();
		PaginationInnerInterceptor pagination = new PaginationInnerInterceptor(DbType.MYSQL);
		pagination.setMaxLimit(200L);
		interceptor.addInnerInterceptor(pagination);
		interceptor.addInnerInterceptor(new OptimisticLockerInnerInterceptor());
		return interceptor;
	}

	@Bean
	OpenAPI wxopsOpenApi() {
		return new OpenAPI()
			.info(new Info().title("wxops admin API")
				.version("0.1")
				.description("Operations backend for institutional WeChat Official Accounts. Sign in with POST "
						+ "/api/session and send the token as 'Authorization: Bearer <token>'. Errors are RFC 9457 "
						+ "problem details with a stable type per error and field errors under 'errors'. A body that "
						+ "breaks its documented constraints is answered 400 before the target is looked up (a "
						+ "caller without the endpoint's role still gets 401/403 first). Lists are "
						+ "paginated with page (from 0) and size (1-200). Edits carry the version you loaded; a "
						+ "stale version gets 409. Bodies over their limit get 413 (body-too-large): sign-in 16 KB, "
						+ "JSON 2 MB, the bulk calls 16 MB, uploads 11 MB. Answers are never cacheable "
						+ "(Cache-Control: no-store) and carry X-Content-Type-Options: nosniff."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
