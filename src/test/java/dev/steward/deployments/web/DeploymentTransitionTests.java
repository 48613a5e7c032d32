package dev.steward.deployments.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report the pipeline may send against every status a deployment can be in: what
 * the life cycle does not allow is a 409 naming the status, and changes nothing.
 */
class DeploymentTransitionTests extends DeploymentTest {

	/** What each status allows; everything else is refused. */
	private static final Map<String, Set<String>> ALLOWED = Map.of("in-progress",
			Set.of("node", "verify", "fail", "rollback"), "verifying", Set.of("verify", "fail", "rollback"),
			"succeeded", Set.of("rollback"), "failed", Set.of("rollback"), "rolling-back", Set.of("rolled-back"),
			"rolled-back", Set.of(), "blocked", Set.of());

	private static final List<String> ACTIONS = List.of("node", "verify", "fail", "rollback", "rolled-back");

	@TestFactory
	Stream<DynamicTest> whatTheLifeCycleDoesNotAllowIsAConflict() {
		Map<String, Long> deployments = new LinkedHashMap<>();
		for (String status : ALLOWED.keySet()) {
			deployments.put(status, deploymentIn(status));
		}
		return deployments.entrySet()
			.stream()
			.flatMap(entry -> ACTIONS.stream()
				.filter(action -> !ALLOWED.get(entry.getKey()).contains(action))
				.map(action -> DynamicTest.dynamicTest(action + " while " + entry.getKey(), () -> {
					long id = entry.getValue();
					JsonNode before = deployment(id);
					Reply reply = act(id, action);
					problem(reply, 409, null);
					assertThat(reply.json().path("currentStatus").asString()).isEqualTo(entry.getKey());
					assertThat(reply.json().path("detail").asString()).contains(entry.getKey());
					assertThat(deployment(id)).as("nothing changed").isEqualTo(before);
				})));
	}

	private Reply act(long id, String action) {
		return switch (action) {
			case "node" -> node(id, "a", "updating");
			case "verify" -> verify(id, true);
			default -> transition(id, action);
		};
	}

	/**
	 * A deployment of the service, in an environment of its own, brought to the status.
	 */
	private long deploymentIn(String status) {
		String environment = environment("non-production", false);
		if ("blocked".equals(status)) {
			Instant now = this.clock.instant();
			created(this.api.post("/api/v1/windows",
					Map.of("name", unique("freeze"), "scope", "service:" + this.service, "kind", "deny", "start",
							now.minus(1, ChronoUnit.HOURS).toString(), "end", now.plus(1, ChronoUnit.HOURS).toString(),
							"timeZone", "UTC", "environments", List.of(environment))));
		}
		long id = created(deploy(requestFor(this.service, environment, "1.0.0", "nodes", List.of("a")))).json()
			.path("id")
			.asLong();
		switch (status) {
			case "verifying" -> {
				ok(node(id, "a", "updating"));
				ok(node(id, "a", "updated"));
			}
			case "succeeded" -> ok(verify(id, true));
			case "failed" -> ok(transition(id, "fail"));
			case "rolling-back" -> ok(transition(id, "rollback"));
			case "rolled-back" -> {
				ok(transition(id, "rollback"));
				ok(transition(id, "rolled-back"));
			}
			default -> {
			}
		}
		assertThat(status(id)).isEqualTo(status);
		return id;
	}

}
