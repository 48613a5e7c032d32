package dev.steward.access.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.access.StewardPrincipal;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Forbidden;
import dev.steward.common.RequestBodyLimitFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs every handler through {@link AccessPolicy}: reads of the API need a scope that
 * reads; every mutating handler needs an {@link Allow} rule that lets the caller through,
 * and one without a rule is refused, so a forgotten rule fails closed.
 */
@Component
class AuthorizationInterceptor implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationInterceptor.class);

	private static final String BODY = "body.";

	private final AccessPolicy policy;

	private final JsonMapper json;

	AuthorizationInterceptor(AccessPolicy policy, JsonMapper json) {
		this.policy = policy;
		this.json = json;
	}

	static boolean isMutating(String method) {
		return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method));
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		StewardPrincipal principal = StewardPrincipal.current();
		boolean mutating = isMutating(request.getMethod());
		if (!mutating) {
			if (principal != null && request.getRequestURI().startsWith("/api/")) {
				this.policy.checkRead(principal);
			}
			return true;
		}
		Allow rule = method.getMethodAnnotation(Allow.class);
		if (rule == null) {
			log.error("Refused {} {}: handler {} has no @Allow rule", request.getMethod(), request.getRequestURI(),
					method.getShortLogMessage());
			throw Forbidden.because("This endpoint has no authorization rule and is closed");
		}
		if (rule.value() == Rule.INTEGRATION_KEY) {
			return true;
		}
		if (principal == null) {
			throw Forbidden.because("Signing in is required");
		}
		this.policy.checkChange(principal, rule, name -> resolve(request, name));
		return true;
	}

	@SuppressWarnings("unchecked")
	private String resolve(HttpServletRequest request, String name) {
		if (name.startsWith(BODY)) {
			byte[] body = RequestBodyLimitFilter.jsonBody(request);
			if (body.length == 0) {
				return request.getParameter(name.substring(BODY.length()));
			}
			try {
				JsonNode value = this.json.readTree(body).path(name.substring(BODY.length()));
				return value.isString() ? value.asString() : null;
			}
			catch (JacksonException ex) {
				return null;
			}
		}
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String value = variables == null ? null : variables.get(name);
		return value != null ? value : request.getParameter(name);
	}

}
