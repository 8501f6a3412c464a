package io.wxops.admin;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.wxops.core.WxCoreConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The admin API's wiring, apart from its main class so slice tests can leave it out. */
@Configuration(proxyBeanMethods = false)
@Import(WxCoreConfiguration.class)
class AdminConfiguration {

	@Bean
	OpenAPI wxopsOpenApi() {
		return new OpenAPI().info(new Info().title("wxops admin API")
			.version("0.1")
			.description("Operations backend for institutional WeChat Official Accounts. Errors are RFC 9457 "
					+ "problem details with a stable type per error."));
	}

}
