package dev.steward.incidents.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.steward.common.RequestBodyLimitFilter;
import dev.steward.incidents.internal.EventDoorMetrics;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Measures every {@code POST} to an event door, ahead of the body limit so that the
 * requests it refuses are counted too.
 */
@Component
@Order(RequestBodyLimitFilter.ORDER - 1)
class EventDoorFilter extends OncePerRequestFilter {

	private final EventDoorMetrics metrics;

	EventDoorFilter(EventDoorMetrics metrics) {
		this.metrics = metrics;
	}

	/** The door a request is sent to, or {@code null} when it is none. */
	static String door(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		String path = request.getRequestURI();
		if (path.equals("/api/v1/events")) {
			return "events";
		}
		if (path.startsWith("/integrations/pagerduty/")) {
			return "pagerduty";
		}
		return path.startsWith("/integrations/alertmanager/") ? "alertmanager" : null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return door(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		EventDoorMetrics.Visit visit = this.metrics.begin(door(request));
		int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			this.metrics.finish(visit, status);
		}
	}

}
