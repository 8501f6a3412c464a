package io.wxops.admin.console;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * History-mode routing: the console's own routes ({@code /console/tickets/12}) have no
 * file behind them, so a page request (one that accepts {@code text/html}) for a path
 * without a file gets {@code index.html}, whose router shows the page. Anything else
 * without a file stays a 404: a missing script or image must not arrive as HTML.
 */
class HistoryFallbackResolver implements ResourceResolver {

	static final String INDEX = "index.html";

	@Override
	public Resource resolveResource(HttpServletRequest request, String requestPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		Resource found = chain.resolveResource(request, requestPath, locations);
		if (found != null || request == null || requestPath.startsWith("assets/") || !acceptsHtml(request)) {
			return found;
		}
		return chain.resolveResource(request, INDEX, locations);
	}

	@Override
	public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourcePath, locations);
	}

	/** Accepts HTML by name: a browser navigating, not a script fetching {@code *}/*. */
	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(
						(m) -> "text".equals(m.getType()) && "html".equals(m.getSubtype()) && m.getQualityValue() > 0);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
