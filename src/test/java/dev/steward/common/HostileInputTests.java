package dev.steward.common;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint that reads a JSON body, found from the running application: a body
 * that is not JSON is a 400 problem (PagerDuty's own answer on its compatible door), and
 * a body over 1 MiB a 413 (but for apply, which takes whole catalogs, and API versions,
 * which carry whole contracts: they have a larger limit), never a 500.
 */
class HostileInputTests extends ApiTest {

	private static final String APPLY = "/api/v1/apply";

	private static final String API_VERSIONS = "/api/v1/apis/1/versions";

	private static final String PAGERDUTY = "/integrations/pagerduty/v2/enqueue";

	private static final String HUGE = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@TestFactory
	Stream<DynamicTest> everyJsonEndpointRefusesMalformedAndOversizedBodies() {
		return this.mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> readsJsonBody(entry.getValue()))
			.flatMap(entry -> paths(entry.getKey()).flatMap(path -> methods(entry.getKey()).flatMap(
					method -> Stream.of(DynamicTest.dynamicTest(method + " " + path + " with malformed JSON", () -> {
						Reply reply = this.api.send(method, path, "{\"name\": \"x\",,}", Map.of("Content-Type",
								"PATCH".equals(method) ? "application/merge-patch+json" : "application/json"));
						if (PAGERDUTY.equals(path)) {
							assertThat(reply.status()).isEqualTo(400);
							assertThat(reply.json().path("status").asString()).as("PagerDuty's own answer")
								.isEqualTo("invalid event");
						}
						else {
							problem(reply, 400, "body");
						}
					}), DynamicTest.dynamicTest(method + " " + path + " with a body over 1 MiB", () -> {
						Reply reply = this.api.send(method, path, HUGE, Map.of("Content-Type", "application/json"));
						if (APPLY.equals(path)) {
							assertThat(reply.status()).as("whole catalogs may exceed 1 MiB").isEqualTo(200);
						}
						else if (API_VERSIONS.equals(path)) {
							assertThat(reply.status()).as("API contracts may exceed 1 MiB; there is no API 1")
								.isEqualTo(404);
						}
						else {
							assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
						}
					})))));
	}

	private static boolean readsJsonBody(HandlerMethod handler) {
		return handler.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)
				&& Arrays.stream(handler.getMethod().getParameters())
					.anyMatch(parameter -> parameter.isAnnotationPresent(RequestBody.class));
	}

	private static Stream<String> paths(RequestMappingInfo info) {
		return info.getPathPatternsCondition()
			.getPatternValues()
			.stream()
			.map(pattern -> pattern.replaceAll("\\{[^}]+}", "1"));
	}

	private static Stream<String> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.stream().map(RequestMethod::name);
	}

}
