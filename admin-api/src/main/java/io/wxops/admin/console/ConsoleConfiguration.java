package io.wxops.admin.console;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The browser console: its cookie session's cross-site check on {@code /api}, the pages
 * under {@code /console/} (same origin as the API, so no CORS), their headers, and ETags
 * for what pages poll.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration implements WebMvcConfigurer {

	/** Hashed file names change with their content, so they may be kept for a year. */
	static final CacheControl ASSETS = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final ConsoleProperties properties;

	private final boolean built;

	ConsoleConfiguration(ConsoleProperties properties, ResourceLoader resources) {
		this.properties = properties;
		Resource index = resources.getResource(location() + HistoryFallbackResolver.INDEX);
		this.built = index.exists() && index.isReadable();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Before the access check (order 0).
		registry.addInterceptor(new CrossSiteRequestInterceptor(this.properties))
			.addPathPatterns("/api/**")
			.order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/console", "/console/");
		if (this.built) {
			registry.addViewController("/console/").setViewName("forward:/console/" + HistoryFallbackResolver.INDEX);
		}
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		if (!this.built) {
			return;
		}
		registry.addResourceHandler("/console/assets/**")
			.addResourceLocations(location() + "assets/")
			.setCacheControl(ASSETS)
			.setUseLastModified(false);
		// index.html and other files at the top (favicon): checked with the server each
		// time, so a new release is seen at once. No resource cache in the chain: the
		// fallback depends on the request's Accept header.
		registry.addResourceHandler("/console/**")
			.addResourceLocations(location())
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new HistoryFallbackResolver());
	}

	/** When there is no console: a page saying so, ahead of every other mapping. */
	@Bean
	HandlerMapping consoleNotBuiltMapping() {
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
		mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
		if (!this.built) {
			ConsoleNotBuilt page = new ConsoleNotBuilt();
			mapping.setUrlMap(Map.of("/console/", page, "/console/**", page));
		}
		return mapping;
	}

	@Bean
	FilterRegistrationBean<ConsoleHeadersFilter> consoleHeadersFilter() {
		FilterRegistrationBean<ConsoleHeadersFilter> registration = new FilterRegistrationBean<>(
				new ConsoleHeadersFilter());
		// After web.SecurityHeadersFilter, whose policy it replaces on console pages.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PollingEtagFilter> pollingEtagFilter() {
		FilterRegistrationBean<PollingEtagFilter> registration = new FilterRegistrationBean<>(new PollingEtagFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	private String location() {
		String location = this.properties.location();
		return location.endsWith("/") ? location : location + "/";
	}

}
