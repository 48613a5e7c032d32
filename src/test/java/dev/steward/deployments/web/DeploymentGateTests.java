package dev.steward.deployments.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate at request time: a closed gate blocks a deployment, which stays on record; an
 * emergency passes it with a justification that the audit log keeps.
 */
class DeploymentGateTests extends DeploymentTest {

	@Test
	void aClosedGateBlocksTheDeploymentWhichStaysOnRecord() {
		String window = denyWindowNow();
		JsonNode blocked = created(deploy(request("1.0.0", "nodes", List.of("a")))).json();
		long id = blocked.path("id").asLong();
		assertThat(blocked.path("status").asString()).isEqualTo("blocked");
		assertThat(blocked.path("gate").path("open").asBoolean()).isFalse();
		assertThat(texts(blocked.path("gate").path("reasons"), "window")).containsExactly(window);
		assertThat(texts(blocked.path("gate").path("reasons"), "effect")).containsExactly("closes");
		assertThat(blocked.path("gate").path("nextChange").asString()).as("when the freeze ends").isNotBlank();
		assertThat(blocked.path("finishedAt").isNull()).isFalse();
		assertThat(texts(blocked.path("history"), "status")).containsExactly("requested", "blocked");
		JsonNode gate = ok(this.api.get("/api/v1/gate?service=" + this.service + "&environment=" + this.environment))
			.json();
		assertThat(gate.path("open").asBoolean()).isFalse();

		List<JsonNode> listed = ok(
				this.api.get(DEPLOYMENTS + "?service=" + this.service + "&environment=" + this.environment))
			.json()
			.path("items")
			.valueStream()
			.toList();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("id").asLong()).isEqualTo(id);
		assertThat(listed.get(0).path("status").asString()).isEqualTo("blocked");
		assertThat(
				ok(this.api.get(DEPLOYMENTS + "?status=blocked&service=" + this.service)).json().path("items").size())
			.isEqualTo(1);
		assertThat(auditActions(id)).containsExactly("deployment.blocked");

		JsonNode again = created(deploy(request("1.0.0"))).json();
		assertThat(again.path("status").asString()).as("a blocked deployment is not under way").isEqualTo("blocked");
		problem(node(id, "a", "updating"), 409, null);
		problem(this.api.get("/api/v1/services/" + this.service + "/instances/" + this.environment), 404, null);
	}

	@Test
	void aDenyWindowElsewhereLeavesTheGateOpen() {
		denyWindowNow();
		String other = environment("non-production", false);
		JsonNode deployment = created(deploy(requestFor(this.service, other, "1.0.0"))).json();
		assertThat(deployment.path("status").asString()).isEqualTo("in-progress");
		assertThat(deployment.path("gate").path("open").asBoolean()).isTrue();
	}

	@Test
	void anEmergencyPassesAClosedGateAndTheAuditLogKeepsItsJustification() {
		denyWindowNow();
		long incident = created(this.api.post("/api/v1/incidents",
				Map.of("service", this.service, "title", "Checkout answers 500", "severity", "critical")))
			.json()
			.path("number")
			.asLong();
		String justification = "Hotfix for the checkout outage, approved by the incident commander";
		JsonNode deployment = created(
				deploy(request("1.0.1", "emergency", Map.of("justification", justification, "incident", incident))))
			.json();
		long id = deployment.path("id").asLong();
		assertThat(deployment.path("status").asString()).isEqualTo("in-progress");
		assertThat(deployment.path("gate").path("open").asBoolean()).as("the gate's answer is kept").isFalse();
		assertThat(deployment.path("emergency").path("justification").asString()).isEqualTo(justification);
		assertThat(deployment.path("emergency").path("incident").asLong()).isEqualTo(incident);
		assertThat(deployment.path("history").get(1).path("detail").asString()).contains(justification);

		List<JsonNode> entries = audit(id);
		assertThat(entries).hasSize(1);
		JsonNode entry = entries.get(0);
		assertThat(entry.path("action").asString()).isEqualTo("deployment.emergency-override");
		assertThat(entry.path("service").asString()).isEqualTo(this.service);
		assertThat(entry.path("after").path("emergency").path("justification").asString()).isEqualTo(justification);
		assertThat(entry.path("after").path("emergency").path("incident").asLong()).isEqualTo(incident);

		assertThat(ok(verify(id, true)).json().path("status").asString()).isEqualTo("succeeded");
	}

	@Test
	void anEmergencyNeedsNoIncident() {
		denyWindowNow();
		JsonNode deployment = created(
				deploy(request("1.0.1", "emergency", Map.of("justification", "Security fix for CVE-2026-0001"))))
			.json();
		assertThat(deployment.path("status").asString()).isEqualTo("in-progress");
		assertThat(deployment.path("emergency").path("incident").isNull()).isTrue();
	}

	@Test
	void anEmergencyAtAnOpenGateIsAnOrdinaryDeployment() {
		JsonNode deployment = created(deploy(request("1.0.1", "emergency", Map.of("justification", "Just in case"))))
			.json();
		assertThat(deployment.path("status").asString()).isEqualTo("in-progress");
		assertThat(auditActions(deployment.path("id").asLong())).containsExactly("deployment.in-progress");
	}

	@Test
	void anEmergencyWithoutJustificationIsRefusedAndStoresNothing() {
		denyWindowNow();
		problem(deploy(request("1.0.1", "emergency", Map.of())), 400, "emergency.justification");
		problem(deploy(request("1.0.1", "emergency", Map.of("justification", "  "))), 400, "emergency.justification");
		Map<String, Object> onlyIncident = new LinkedHashMap<>();
		onlyIncident.put("justification", null);
		onlyIncident.put("incident", 1);
		problem(deploy(request("1.0.1", "emergency", onlyIncident)), 400, "emergency.justification");
		problem(deploy(request("1.0.1", "emergency", Map.of("justification", "x".repeat(2001)))), 400,
				"emergency.justification");
		assertThat(deployments()).isEmpty();
	}

	@Test
	void anEmergencyNamingAnUnknownIncidentIsRefusedAndStoresNothing() {
		denyWindowNow();
		Reply reply = deploy(request("1.0.1", "emergency", Map.of("justification", "Hotfix", "incident", 987654321)));
		problem(reply, 400, "emergency.incident");
		assertThat(deployments()).isEmpty();
	}

	private List<JsonNode> audit(long id) {
		return ok(this.api.get("/api/v1/audit?target=" + this.service + "&limit=100")).json()
			.path("items")
			.valueStream()
			.filter(entry -> entry.path("target").asString().equals(Long.toString(id)))
			.toList();
	}

	private List<String> auditActions(long id) {
		return audit(id).stream().map(entry -> entry.path("action").asString()).toList();
	}

}
