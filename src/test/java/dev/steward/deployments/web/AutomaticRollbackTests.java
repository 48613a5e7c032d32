package dev.steward.deployments.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.common.SloBurnAlert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page-level SLO burn alert of a service fails its deployments that are rolling out or
 * verifying and asks for their rollback; other alerts and finished deployments are left
 * alone.
 */
class AutomaticRollbackTests extends DeploymentTest {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final Duration QUIET = Duration.ofMillis(800);

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aPageLevelBurnFailsTheDeploymentsUnderWayAndAsksForTheirRollback() {
		long succeeded = succeeded("1.0.0");
		long rollingOut = started("1.1.0", "nodes", List.of("a", "b"));
		ok(node(rollingOut, "a", "updating"));
		String second = environment("non-production", false);
		long verifying = created(deploy(requestFor(this.service, second, "1.1.0", "nodes", List.of("a")))).json()
			.path("id")
			.asLong();
		ok(node(verifying, "a", "updating"));
		ok(node(verifying, "a", "updated"));
		String bystander = service(this.team, 3);
		long elsewhere = created(deploy(requestFor(bystander, this.environment, "9.9.9"))).json().path("id").asLong();

		alert(this.service, SloBurnAlert.PAGE, true);

		await().atMost(PATIENCE)
			.until(() -> "rolling-back".equals(status(rollingOut)) && "rolling-back".equals(status(verifying)));
		JsonNode failed = deployment(rollingOut);
		assertThat(failed.path("failureReason").asString()).contains("availability", "14.4");
		assertThat(failed.path("rollbackReason").asString()).contains("availability");
		List<JsonNode> history = failed.path("history").valueStream().toList();
		assertThat(history.stream().map(step -> step.path("status").asString())).containsSubsequence("in-progress",
				"failed", "rolling-back");
		assertThat(history.get(history.size() - 1).path("actor").asString()).isEqualTo("system");
		assertThat(history.get(history.size() - 1).path("detail").asString()).startsWith("Automatic rollback");
		assertThat(texts(deployment(verifying).path("history"), "status")).endsWith("verifying", "failed",
				"rolling-back");
		assertThat(status(succeeded)).isEqualTo("succeeded");
		assertThat(status(elsewhere)).as("another service's deployment").isEqualTo("in-progress");
		List<String> actions = ok(this.api.get("/api/v1/audit?target=" + this.service + "&limit=100")).json()
			.path("items")
			.valueStream()
			.filter(entry -> entry.path("target").asString().equals(Long.toString(rollingOut)))
			.map(entry -> entry.path("action").asString())
			.toList();
		assertThat(actions).contains("deployment.failed", "deployment.rolling-back");

		JsonNode rolledBack = ok(transition(rollingOut, "rolled-back")).json();
		assertThat(rolledBack.path("status").asString()).isEqualTo("rolled-back");
		assertThat(instance(this.environment).path("currentVersion").asString()).isEqualTo("1.0.0");
	}

	@Test
	void theAutomaticRollbackIsAnnouncedToHooks() {
		created(this.api.post("/api/v1/services/" + this.service + "/deployment-hooks",
				Map.of("name", "pipeline", "url", "http://127.0.0.1:9/unreachable")));
		long id = started("1.1.0");
		alert(this.service, SloBurnAlert.PAGE, true);
		await().atMost(PATIENCE).until(() -> "rolling-back".equals(status(id)));
		assertThat(ok(this.api.get(DEPLOYMENTS + "/" + id + "/hook-deliveries")).json()
			.path("items")
			.valueStream()
			.map(delivery -> delivery.path("event").asString()))
			.containsExactly("deployment.in-progress", "deployment.failed", "deployment.rollback-requested");
	}

	@Test
	void aTicketLevelOrRecoveringAlertChangesNothing() {
		long id = started("1.1.0");
		alert(this.service, SloBurnAlert.TICKET, true);
		alert(this.service, SloBurnAlert.PAGE, false);
		alert(this.service, SloBurnAlert.TICKET, false);
		await().during(QUIET).atMost(PATIENCE).until(() -> "in-progress".equals(status(id)));
		assertThat(texts(deployment(id).path("history"), "status")).containsExactly("requested", "in-progress");
	}

	@Test
	void finishedAndBlockedDeploymentsAreLeftAlone() {
		long succeeded = succeeded("1.0.0");
		String second = environment("non-production", false);
		long failed = created(deploy(requestFor(this.service, second, "1.1.0"))).json().path("id").asLong();
		ok(transition(failed, "fail"));
		denyWindowNow();
		long blocked = created(deploy(request("1.2.0"))).json().path("id").asLong();
		assertThat(status(blocked)).isEqualTo("blocked");
		alert(this.service, SloBurnAlert.PAGE, true);
		await().during(QUIET)
			.atMost(PATIENCE)
			.until(() -> "succeeded".equals(status(succeeded)) && "failed".equals(status(failed))
					&& "blocked".equals(status(blocked)));
	}

	/** Publishes the alert the way the SLO module does: in a transaction that commits. */
	private void alert(String service, String severity, boolean firing) {
		this.transactions.executeWithoutResult(transaction -> this.events
			.publishEvent(new SloBurnAlert(service, "availability", severity, firing, 14.4, this.clock.instant())));
	}

}
