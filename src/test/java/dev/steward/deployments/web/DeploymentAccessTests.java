package dev.steward.deployments.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pipelines act with tokens scoped {@code deploy:<service>}: enough for a member of the
 * owning team to request and report deployments of that service, and for nothing else.
 */
class DeploymentAccessTests extends DeploymentTest {

	@Test
	void aTeamMembersDeployTokenRequestsAndReportsDeploymentsOfItsService() {
		ApiClient pipeline = clientOf(this.member, List.of("read", "deploy:" + this.service));
		JsonNode requested = created(pipeline.post(DEPLOYMENTS, request("1.0.0", "nodes", List.of("a", "b")))).json();
		long id = requested.path("id").asLong();
		assertThat(requested.path("requestedBy").asString()).isEqualTo(this.member);
		ok(node(pipeline, id, "a", "updating"));
		ok(node(pipeline, id, "a", "updated"));
		ok(node(pipeline, id, "b", "updating"));
		assertThat(ok(node(pipeline, id, "b", "updated")).json().path("status").asString()).isEqualTo("verifying");
		ok(pipeline.post(DEPLOYMENTS + "/" + id + "/verify", Map.of("passed", true)));
		ok(pipeline.post(DEPLOYMENTS + "/" + id + "/rollback", Map.of("reason", "Canary looked wrong")));
		JsonNode rolledBack = ok(pipeline.post(DEPLOYMENTS + "/" + id + "/rolled-back", null)).json();
		assertThat(texts(rolledBack.path("history"), "actor")).containsOnly(this.member);
		long failing = created(pipeline.post(DEPLOYMENTS, request("1.0.1"))).json().path("id").asLong();
		ok(pipeline.post(DEPLOYMENTS + "/" + failing + "/fail", Map.of("reason", "Build broke")));
		ok(pipeline.get(DEPLOYMENTS + "/" + id));
		ok(pipeline.get(DEPLOYMENTS + "/" + id + "/hook-deliveries"));
	}

	@Test
	void aDeployTokenChangesNothingElse() {
		ApiClient pipeline = clientOf(this.member, List.of("read", "deploy:" + this.service));
		problem(pipeline.put("/api/v1/services/" + this.service + "/instances/" + this.environment,
				Map.of("nodes", List.of("a"))), 403, null);
		problem(pipeline.post("/api/v1/services/" + this.service + "/deployment-hooks",
				Map.of("name", "ci", "url", "https://ci.example.com/hook")), 403, null);
		String other = service(this.team, 3);
		problem(pipeline.post(DEPLOYMENTS, requestFor(other, this.environment, "1.0.0")), 403, null);
		long theirs = created(deploy(requestFor(other, this.environment, "1.0.0", "nodes", List.of("a")))).json()
			.path("id")
			.asLong();
		problem(node(pipeline, theirs, "a", "updating"), 403, null);
		problem(pipeline.post(DEPLOYMENTS + "/" + theirs + "/verify", Map.of("passed", true)), 403, null);
		assertThat(status(theirs)).isEqualTo("in-progress");
		problem(pipeline.post(DEPLOYMENTS + "/987654321/verify", Map.of("passed", true)), 404, null);
	}

	@Test
	void aMemberOfAnotherTeamIsRefusedEvenWithADeployToken() {
		String outsider = user();
		team("stream", List.of(Map.of("user", outsider)));
		ApiClient pipeline = clientOf(outsider, List.of("read", "deploy:" + this.service));
		problem(pipeline.post(DEPLOYMENTS, request("1.0.0")), 403, null);
		assertThat(deployments()).isEmpty();
		long id = started("1.0.0", "nodes", List.of("a"));
		problem(node(pipeline, id, "a", "updating"), 403, null);
		problem(pipeline.post(DEPLOYMENTS + "/" + id + "/verify", Map.of("passed", true)), 403, null);
		problem(pipeline.post(DEPLOYMENTS + "/" + id + "/fail", null), 403, null);
		problem(pipeline.post(DEPLOYMENTS + "/" + id + "/rollback", null), 403, null);
		JsonNode unchanged = deployment(id);
		assertThat(unchanged.path("status").asString()).isEqualTo("in-progress");
		assertThat(texts(unchanged.path("nodes"), "status")).containsExactly("pending");
	}

	@Test
	void aReadOnlyTokenOfAMemberReadsButDoesNotDeploy() {
		ApiClient reader = clientOf(this.member, List.of("read"));
		problem(reader.post(DEPLOYMENTS, request("1.0.0")), 403, null);
		long id = started("1.0.0", "nodes", List.of("a"));
		problem(node(reader, id, "a", "updating"), 403, null);
		ok(reader.get(DEPLOYMENTS + "/" + id));
		ok(reader.get(DEPLOYMENTS + "?service=" + this.service));
	}

}
