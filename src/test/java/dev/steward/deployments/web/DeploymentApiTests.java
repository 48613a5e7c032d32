package dev.steward.deployments.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment's life: requested against the gate and the promotion order, rolled out
 * node by node within its availability budget, verified, and rolled back; one at a time
 * per service and environment.
 */
class DeploymentApiTests extends DeploymentTest {

	@Test
	void aRollingDeploymentGoesNodeByNodeThenVerifiesAndSucceeds() {
		created(this.api.put("/api/v1/services/" + this.service + "/instances/" + this.environment,
				Map.of("url", "https://checkout.example.com", "region", "eu-west-1", "nodes", List.of("a", "b", "c"))));
		Reply requested = created(deploy(request("1.0.0", "commit", "9fceb02d0ae598e95dc970b74767f19372d61af8",
				"commitTime", "2026-03-01T10:15:00+01:00", "strategy", "rolling", "maxUnavailable", 1)));
		JsonNode deployment = requested.json();
		long id = deployment.path("id").asLong();
		assertThat(requested.header("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith(DEPLOYMENTS + "/" + id));
		assertThat(deployment.path("status").asString()).isEqualTo("in-progress");
		assertThat(deployment.path("service").asString()).isEqualTo(this.service);
		assertThat(deployment.path("environment").asString()).isEqualTo(this.environment);
		assertThat(deployment.path("version").asString()).isEqualTo("1.0.0");
		assertThat(deployment.path("commit").asString()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
		assertThat(deployment.path("commitTime").asString()).isEqualTo("2026-03-01T09:15:00Z");
		assertThat(deployment.path("strategy").asString()).isEqualTo("rolling");
		assertThat(deployment.path("maxUnavailable").asInt()).isEqualTo(1);
		assertThat(deployment.path("gate").path("open").asBoolean()).isTrue();
		assertThat(deployment.path("rollbackTarget").isNull()).as("nothing succeeded here before").isTrue();
		assertThat(texts(deployment.path("nodes"), "name")).as("the instance's nodes").containsExactly("a", "b", "c");
		assertThat(texts(deployment.path("nodes"), "status")).containsOnly("pending");

		ok(node(id, "a", "updating"));
		Reply second = node(id, "b", "updating");
		problem(second, 409, null);
		assertThat(second.json().path("maxUnavailable").asInt()).isEqualTo(1);
		ok(node(id, "a", "updated"));
		ok(node(id, "b", "updating"));
		ok(node(id, "b", "updated"));
		ok(node(id, "c", "updating"));
		JsonNode progress = ok(node(id, "c", "updating")).json();
		assertThat(progress.path("status").asString()).as("a node may report the same status again")
			.isEqualTo("in-progress");
		assertThat(texts(progress.path("nodes"), "status")).containsExactly("updated", "updated", "updating");
		JsonNode verifying = ok(node(id, "c", "updated")).json();
		assertThat(verifying.path("status").asString()).as("every node updated").isEqualTo("verifying");

		JsonNode succeeded = ok(this.api.post(DEPLOYMENTS + "/" + id + "/verify",
				Map.of("passed", true, "checks",
						List.of(Map.of("name", "smoke", "passed", true, "detail", "12 of 12 requests answered")))))
			.json();
		assertThat(succeeded.path("status").asString()).isEqualTo("succeeded");
		assertThat(succeeded.path("finishedAt").isNull()).isFalse();
		assertThat(texts(succeeded.path("checks"), "name")).containsExactly("smoke");
		assertThat(texts(succeeded.path("history"), "status")).containsExactly("requested", "in-progress",
				"in-progress", "in-progress", "in-progress", "in-progress", "in-progress", "in-progress", "in-progress",
				"verifying", "succeeded");
		assertThat(texts(succeeded.path("history"), "detail")).contains("Node a updating", "Node c updated",
				"Every node updated", "Verification passed");
		assertThat(texts(succeeded.path("history"), "actor")).containsOnly(succeeded.path("requestedBy").asString());
		assertThat(instance(this.environment).path("currentVersion").asString()).isEqualTo("1.0.0");
		assertThat(deployment(id)).as("the answer is what is stored").isEqualTo(succeeded);

		JsonNode next = created(deploy(request("1.1.0"))).json();
		assertThat(next.path("rollbackTarget").asString()).isEqualTo("1.0.0");
	}

	@Test
	void aFailedNodeCountsAsUnavailable() {
		long id = started("1.0.0", "nodes", List.of("a", "b", "c"), "maxUnavailable", 2);
		ok(node(id, "a", "failed"));
		ok(node(id, "b", "updating"));
		problem(node(id, "c", "updating"), 409, null);
		ok(node(id, "a", "updated"));
		assertThat(ok(node(id, "c", "updating")).json().path("status").asString()).isEqualTo("in-progress");
	}

	@Test
	void allAtOnceAndBlueGreenMayTakeEveryNodeDownByDefault() {
		long id = started("1.0.0", "nodes", List.of("a", "b", "c"), "strategy", "all-at-once");
		assertThat(deployment(id).path("maxUnavailable").asInt()).isEqualTo(3);
		ok(node(id, "a", "updating"));
		ok(node(id, "b", "updating"));
		ok(node(id, "c", "updating"));
	}

	@Test
	void aDeploymentWithoutKnownNodesTakesTheNodesThePipelineReports() {
		long id = started("1.0.0", "maxUnavailable", 2);
		assertThat(deployment(id).path("nodes").size()).isZero();
		ok(node(id, "web-1", "updating"));
		ok(node(id, "web-2", "updating"));
		problem(node(id, "web-3", "updating"), 409, null);
		ok(node(id, "web-1", "updated"));
		JsonNode deployment = ok(node(id, "web-3", "updating")).json();
		assertThat(texts(deployment.path("nodes"), "name")).containsExactly("web-1", "web-2", "web-3");
		assertThat(deployment.path("status").asString()).isEqualTo("in-progress");
		assertThat(ok(verify(id, true)).json().path("status").asString()).as("verified straight from in-progress")
			.isEqualTo("succeeded");
	}

	@Test
	void anUnknownNodeOrDeploymentIsNotFound() {
		long id = started("1.0.0", "nodes", List.of("a", "b"));
		problem(node(id, "z", "updating"), 404, null);
		assertThat(texts(deployment(id).path("nodes"), "name")).containsExactly("a", "b");
		long missing = id + 1_000_000;
		problem(this.api.get(DEPLOYMENTS + "/" + missing), 404, null);
		problem(node(missing, "a", "updating"), 404, null);
		problem(verify(missing, true), 404, null);
		for (String action : List.of("fail", "rollback", "rolled-back")) {
			problem(transition(missing, action), 404, null);
		}
		problem(this.api.get(DEPLOYMENTS + "/" + missing + "/hook-deliveries"), 404, null);
	}

	@Test
	void aFailedVerificationFailsTheDeploymentAndRollingBackRestoresTheTarget() {
		succeeded("1.0.0");
		long id = started("1.1.0");
		JsonNode failed = ok(
				this.api.post(DEPLOYMENTS + "/" + id + "/verify",
						Map.of("passed", false, "checks",
								List.of(Map.of("name", "smoke", "passed", true),
										Map.of("name", "error-rate", "passed", false, "detail", "4.2 % errors")))))
			.json();
		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("failureReason").asString()).contains("error-rate").doesNotContain("smoke");
		assertThat(instance(this.environment).path("currentVersion").asString()).isEqualTo("1.0.0");

		JsonNode rollingBack = ok(
				this.api.post(DEPLOYMENTS + "/" + id + "/rollback", Map.of("reason", "Errors after the release")))
			.json();
		assertThat(rollingBack.path("status").asString()).isEqualTo("rolling-back");
		assertThat(rollingBack.path("rollbackReason").asString()).contains("Errors after the release", "1.0.0");
		JsonNode rolledBack = ok(transition(id, "rolled-back")).json();
		assertThat(rolledBack.path("status").asString()).isEqualTo("rolled-back");
		assertThat(texts(rolledBack.path("history"), "status")).containsExactly("requested", "in-progress", "failed",
				"rolling-back", "rolled-back");
		assertThat(instance(this.environment).path("currentVersion").asString()).isEqualTo("1.0.0");
	}

	@Test
	void aSucceededDeploymentCanBeRolledBackAndNoLongerCountsAsTarget() {
		succeeded("1.0.0");
		long id = succeeded("1.1.0");
		assertThat(instance(this.environment).path("currentVersion").asString()).isEqualTo("1.1.0");
		ok(transition(id, "rollback"));
		ok(transition(id, "rolled-back"));
		assertThat(instance(this.environment).path("currentVersion").asString()).isEqualTo("1.0.0");
		assertThat(created(deploy(request("1.2.0"))).json().path("rollbackTarget").asString()).isEqualTo("1.0.0");
	}

	@Test
	void onlyTheLatestDeploymentOfAnEnvironmentCanBeRolledBack() {
		long older = succeeded("1.0.0");
		long newer = succeeded("1.1.0");
		Reply refused = transition(older, "rollback");
		problem(refused, 409, null);
		assertThat(refused.json().path("deployment").asLong()).isEqualTo(newer);
		assertThat(instance(this.environment).path("currentVersion").asString()).isEqualTo("1.1.0");
	}

	@Test
	void thePipelineMayFailADeploymentWithOrWithoutAReason() {
		long id = started("1.0.0");
		JsonNode failed = ok(this.api.post(DEPLOYMENTS + "/" + id + "/fail", Map.of("reason", "Image pull failed")))
			.json();
		assertThat(failed.path("status").asString()).isEqualTo("failed");
		assertThat(failed.path("failureReason").asString()).isEqualTo("Image pull failed");
		long other = started("1.0.1");
		ok(node(other, "web-1", "updating"));
		ok(transition(other, "fail"));
		assertThat(status(other)).isEqualTo("failed");
		assertThat(deployment(other).path("failureReason").asString()).isNotBlank();
	}

	@Test
	void onlyOneDeploymentPerServiceAndEnvironmentIsUnderWay() {
		long first = started("1.0.0", "nodes", List.of("a"));
		Reply second = deploy(request("1.0.1"));
		problem(second, 409, null);
		assertThat(second.json().path("deployment").asLong()).isEqualTo(first);
		String elsewhere = environment("non-production", false);
		created(deploy(requestFor(this.service, elsewhere, "1.0.1")));

		ok(node(first, "a", "updating"));
		ok(node(first, "a", "updated"));
		assertThat(status(first)).isEqualTo("verifying");
		problem(deploy(request("1.0.1")), 409, null);
		ok(verify(first, false));
		ok(transition(first, "rollback"));
		problem(deploy(request("1.0.1")), 409, null);
		ok(transition(first, "rolled-back"));
		created(deploy(request("1.0.1")));
		assertThat(deployments()).hasSize(3);
	}

	@Test
	void aVersionReachesAnEnvironmentWithPromotionOnlyAfterSucceedingInTheOneBefore() {
		standardEnvironments();
		Reply refused = deploy(requestFor(this.service, "production", "2.0.0"));
		problem(refused, 409, null);
		assertThat(refused.json().path("requiredEnvironment").asString()).isEqualTo("staging");
		assertThat(deployments()).as("a refused request is not kept").isEmpty();

		long staging = created(deploy(requestFor(this.service, "staging", "2.0.0"))).json().path("id").asLong();
		problem(deploy(requestFor(this.service, "production", "2.0.0")), 409, null);
		ok(transition(staging, "fail"));
		problem(deploy(requestFor(this.service, "production", "2.0.0")), 409, null);
		long again = created(deploy(requestFor(this.service, "staging", "2.0.0"))).json().path("id").asLong();
		ok(verify(again, true));

		JsonNode production = created(deploy(requestFor(this.service, "production", "2.0.0"))).json();
		assertThat(production.path("status").asString()).isIn("in-progress", "blocked");
		Reply otherVersion = deploy(requestFor(this.service, "production", "2.0.1"));
		assertThat(otherVersion.status()).as(otherVersion.toString()).isEqualTo(409);
	}

	@Test
	void anEnvironmentWithoutPromotionTakesAnyVersion() {
		String production = environment("production", false);
		JsonNode deployment = created(deploy(requestFor(this.service, production, "3.0.0"))).json();
		assertThat(deployment.path("status").asString()).isEqualTo("in-progress");
	}

	@Test
	void aProductionEnvironmentRequiresPromotionByDefault() {
		String before = null;
		String production = null;
		for (int attempt = 0; attempt < 10 && production == null; attempt++) {
			// a free pair of adjacent places, apart from the orders other tests take
			int order = 200 + ThreadLocalRandom.current().nextInt(700);
			String first = unique("env");
			if (this.api.post("/api/v1/environments", Map.of("name", first, "kind", "non-production", "order", order))
				.status() != 201) {
				continue;
			}
			String second = unique("env");
			Reply reply = this.api.post("/api/v1/environments",
					Map.of("name", second, "kind", "production", "order", order + 1));
			if (reply.status() == 201) {
				assertThat(reply.json().path("promotionRequired").asBoolean()).isTrue();
				before = first;
				production = second;
			}
		}
		assertThat(production).as("two adjacent free places in the promotion order").isNotNull();
		Reply refused = deploy(requestFor(this.service, production, "4.0.0"));
		problem(refused, 409, null);
		assertThat(refused.json().path("requiredEnvironment").asString()).isEqualTo(before);
		long tried = created(deploy(requestFor(this.service, before, "4.0.0"))).json().path("id").asLong();
		ok(verify(tried, true));
		created(deploy(requestFor(this.service, production, "4.0.0")));
	}

	@Test
	void invalidRequestsAreRefusedAndStoreNothing() {
		problem(deploy(request("1.0 beta")), 400, "version");
		problem(deploy(request("")), 400, "version");
		problem(deploy(request("-1")), 400, "version");
		problem(deploy(request("x".repeat(129))), 400, "version");
		problem(deploy(requestFor(this.service, this.environment, null)), 400, "version");
		problem(deploy(request("1.0.0", "strategy", "yolo")), 400, "strategy");
		problem(deploy(request("1.0.0", "maxUnavailable", 0)), 400, "maxUnavailable");
		problem(deploy(request("1.0.0", "maxUnavailable", -3)), 400, "maxUnavailable");
		problem(deploy(request("1.0.0", "commitTime", "yesterday")), 400, "commitTime");
		problem(deploy(request("1.0.0", "commitTime", "2026-03-01T10:15:00")), 400, "commitTime");
		problem(deploy(request("1.0.0", "commit", "not a sha!")), 400, "commit");
		problem(deploy(request("1.0.0", "nodes", List.of("a", "a"))), 400, "nodes");
		problem(deploy(request("1.0.0", "nodes", List.of("a/b"))), 400, "nodes[0]");
		problem(deploy(requestFor(unique("svc"), this.environment, "1.0.0")), 400, "service");
		problem(deploy(requestFor(this.service, unique("env"), "1.0.0")), 400, "environment");
		problem(deploy(requestFor(this.service, "Not A Name", "1.0.0")), 400, "environment");
		assertThat(deployments()).isEmpty();
		assertThat(ok(this.api.get(DEPLOYMENTS + "?environment=" + this.environment)).json().path("items").size())
			.isZero();
	}

	@Test
	void invalidProgressReportsAreRefused() {
		long id = started("1.0.0", "nodes", List.of("a"));
		problem(node(id, "a", "done"), 400, "status");
		problem(node(id, "a", "pending"), 400, "status");
		problem(this.api.post(DEPLOYMENTS + "/" + id + "/nodes/a", Map.of()), 400, "status");
		problem(this.api.post(DEPLOYMENTS + "/" + id + "/verify", Map.of()), 400, "passed");
		problem(this.api.post(DEPLOYMENTS + "/" + id + "/verify",
				Map.of("passed", true, "checks", List.of(Map.of("passed", true)))), 400, "checks[0].name");
		problem(this.api.post(DEPLOYMENTS + "/" + id + "/fail", Map.of("reason", "x".repeat(2001))), 400, "reason");
		JsonNode unchanged = deployment(id);
		assertThat(unchanged.path("status").asString()).isEqualTo("in-progress");
		assertThat(texts(unchanged.path("nodes"), "status")).containsExactly("pending");
	}

	@Test
	void theListFiltersByServiceEnvironmentAndStatusNewestFirst() {
		long first = succeeded("1.0.0");
		long second = started("1.1.0");
		String elsewhere = environment("non-production", false);
		long third = created(deploy(requestFor(this.service, elsewhere, "1.1.0"))).json().path("id").asLong();
		assertThat(deployments().stream().map(d -> d.path("id").asLong())).containsExactly(third, second, first);
		assertThat(
				ok(this.api.get(DEPLOYMENTS + "?service=" + this.service + "&environment=" + this.environment)).json()
					.path("items")
					.valueStream()
					.map(d -> d.path("id").asLong()))
			.containsExactly(second, first);
		assertThat(ok(this.api.get(DEPLOYMENTS + "?service=" + this.service + "&status=succeeded")).json()
			.path("items")
			.valueStream()
			.map(d -> d.path("id").asLong())).containsExactly(first);
		problem(this.api.get(DEPLOYMENTS + "?status=sleeping"), 400, "status");
		JsonNode page = ok(this.api.get(DEPLOYMENTS + "?service=" + this.service + "&limit=2")).json();
		assertThat(page.path("items").size()).isEqualTo(2);
		String cursor = page.path("nextCursor").asString();
		assertThat(cursor).isNotBlank();
		assertThat(ok(this.api.get(DEPLOYMENTS + "?service=" + this.service + "&limit=2&cursor=" + cursor)).json()
			.path("items")
			.valueStream()
			.map(d -> d.path("id").asLong())).containsExactly(first);
	}

	@Test
	void aServiceHasOneInstancePerEnvironment() {
		String path = "/api/v1/services/" + this.service + "/instances/" + this.environment;
		JsonNode created = created(
				this.api.put(path, Map.of("url", "https://a.example.com", "region", "eu-1", "nodes", List.of("n1"))))
			.json();
		assertThat(created.path("currentVersion").isNull()).isTrue();
		JsonNode updated = ok(this.api.put(path,
				Map.of("url", "https://b.example.com", "region", "eu-2", "nodes", List.of("n1", "n2"))))
			.json();
		assertThat(updated.path("url").asString()).isEqualTo("https://b.example.com");
		assertThat(updated.path("nodes").size()).isEqualTo(2);
		String production = environment("production", false);
		created(this.api.put("/api/v1/services/" + this.service + "/instances/" + production,
				Map.of("nodes", List.of())));
		assertThat(ok(this.api.get("/api/v1/services/" + this.service + "/instances")).json()
			.path("items")
			.valueStream()
			.map(i -> i.path("environment").asString())).as("in promotion order")
			.containsExactly(this.environment, production);
		assertThat(ok(this.api.get(path)).json()).isEqualTo(updated);

		problem(this.api.put(path, Map.of("url", "ftp://a.example.com")), 400, "url");
		problem(this.api.put(path, Map.of("nodes", List.of("x", "x"))), 400, "nodes");
		problem(this.api.put("/api/v1/services/" + this.service + "/instances/" + unique("env"), Map.of()), 404, null);
		problem(this.api.put("/api/v1/services/" + unique("svc") + "/instances/" + this.environment, Map.of()), 404,
				null);
		assertThat(ok(this.api.get(path)).json()).isEqualTo(updated);

		assertThat(this.api.delete(path).status()).isEqualTo(204);
		problem(this.api.get(path), 404, null);
		problem(this.api.delete(path), 404, null);
	}

	@Test
	void aSucceededDeploymentRecordsItsVersionEvenWithoutAnInstance() {
		succeeded("7.0.0");
		JsonNode instance = instance(this.environment);
		assertThat(instance.path("currentVersion").asString()).isEqualTo("7.0.0");
		assertThat(instance.path("nodes").size()).isZero();
	}

	@Test
	void everyTransitionIsAudited() {
		long id = started("1.0.0", "nodes", List.of("a"));
		ok(node(id, "a", "updating"));
		ok(node(id, "a", "updated"));
		ok(verify(id, true));
		List<String> actions = ok(this.api.get("/api/v1/audit?target=" + this.service + "&limit=100")).json()
			.path("items")
			.valueStream()
			.filter(entry -> entry.path("target").asString().equals(Long.toString(id)))
			.map(entry -> entry.path("action").asString())
			.toList();
		assertThat(actions).contains("deployment.in-progress", "deployment.verifying", "deployment.succeeded");
	}

}
