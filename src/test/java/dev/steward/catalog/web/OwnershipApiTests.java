package dev.steward.catalog.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipApiTests extends ApiTest {

	@Test
	void dependencyOnUnknownServiceOrItselfIsRefused() {
		String owner = team();
		String consumer = service(owner, 2);
		problem(this.api.put("/api/v1/services/" + consumer + "/dependencies/no-such-svc",
				Map.of("criticality", "hard")), 400, "provider");
		problem(this.api.put("/api/v1/services/" + consumer + "/dependencies/" + consumer,
				Map.of("criticality", "hard")), 400, "provider");
		problem(this.api.put("/api/v1/services/no-such-svc/dependencies/" + consumer, Map.of("criticality", "hard")),
				404, null);
		problem(this.api.put("/api/v1/services/" + consumer + "/dependencies/" + service(owner, 2),
				Map.of("criticality", "sometimes")), 400, "criticality");
		assertThat(this.api.get("/api/v1/services/" + consumer + "/dependencies").json().path("items")).isEmpty();
	}

	@Test
	void hardDependencyOfHighTierOnLowTierIsATierInversion() {
		String owner = team();
		String critical = service(owner, 1);
		String minor = service(owner, 4);
		String peer = service(owner, 2);
		Reply hard = created(this.api.put("/api/v1/services/" + critical + "/dependencies/" + minor,
				Map.of("criticality", "hard", "note", "reads promotions")));
		assertThat(hard.json().path("tierInversion").asBoolean()).isTrue();
		Reply soft = created(
				this.api.put("/api/v1/services/" + peer + "/dependencies/" + minor, Map.of("criticality", "soft")));
		assertThat(soft.json().path("tierInversion").asBoolean()).isFalse();
		Reply softened = ok(
				this.api.put("/api/v1/services/" + critical + "/dependencies/" + minor, Map.of("criticality", "soft")));
		assertThat(softened.json().path("tierInversion").asBoolean()).isFalse();

		JsonNode consumers = ok(this.api.get("/api/v1/services/" + minor + "/consumers")).json().path("items");
		assertThat(consumers.findValuesAsString("consumer")).containsExactlyInAnyOrder(critical, peer);
		assertThat(this.api.delete("/api/v1/services/" + peer + "/dependencies/" + minor).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/services/" + minor + "/consumers").json().path("items")).hasSize(1);
	}

	@Test
	void responsibilityMatrixHasFourteenRowsAccountableToOwner() {
		String owner = team();
		String service = service(owner, 1);
		JsonNode rows = ok(this.api.get("/api/v1/services/" + service + "/responsibilities")).json().path("items");
		assertThat(rows).hasSize(14);
		assertThat(rows.findValuesAsString("aspect")).startsWith("api-design")
			.endsWith("databases")
			.contains("deployment-windows", "infrastructure-changes", "incident-response", "servers-hardware");
		assertThat(rows.findValuesAsString("accountable")).containsOnly(owner);
		assertThat(rows.findValuesAsString("status")).containsOnly("owner");
	}

	@Test
	void delegationIsPendingUntilTheDelegatedTeamDecides() {
		String owner = team();
		String dba = team("shared", java.util.List.of());
		String service = service(owner, 1);
		String path = "/api/v1/services/" + service + "/responsibilities/databases";
		Reply pending = ok(this.api.put(path, Map.of("handledBy", dba)));
		assertThat(pending.json().path("status").asString()).isEqualTo("pending");
		assertThat(pending.json().path("handledBy").asString()).isEqualTo(dba);
		assertThat(pending.json().path("accountable").asString()).isEqualTo(owner);

		Reply accepted = ok(this.api.post(path + "/accept", null));
		assertThat(accepted.json().path("status").asString()).isEqualTo("accepted");
		problem(this.api.post(path + "/decline", null), 409, null);

		assertThat(ok(this.api.put(path, Map.of("handledBy", owner))).json().path("status").asString())
			.isEqualTo("owner");
		ok(this.api.put(path, Map.of("handledBy", dba)));
		assertThat(ok(this.api.post(path + "/decline", null)).json().path("status").asString()).isEqualTo("declined");

		JsonNode team = ok(this.api.get("/api/v1/teams/" + dba + "/services")).json();
		assertThat(team.path("delegated").get(0).path("aspect").asString()).isEqualTo("databases");
	}

	@Test
	void delegationRefusesUnknownTeamOrAspect() {
		String service = service(team(), 2);
		problem(this.api.put("/api/v1/services/" + service + "/responsibilities/databases",
				Map.of("handledBy", "no-such-team")), 400, "handledBy");
		problem(this.api.put("/api/v1/services/" + service + "/responsibilities/cooking", Map.of("handledBy", team())),
				404, null);
		problem(this.api.post("/api/v1/services/" + service + "/responsibilities/tooling/accept", null), 409, null);
	}

	@Test
	void ownershipMovesOnlyThroughAnAcceptedTransfer() {
		String from = team();
		String to = team();
		String service = service(from, 2);
		Reply proposed = created(
				this.api.post("/api/v1/services/" + service + "/transfers", Map.of("toTeam", to, "note", "reorg")));
		String id = proposed.json().path("id").asString();
		assertThat(proposed.json().path("status").asString()).isEqualTo("pending");
		assertThat(proposed.json().path("fromTeam").asString()).isEqualTo(from);
		assertThat(this.api.get("/api/v1/services/" + service).json().path("owner").asString()).isEqualTo(from);
		problem(this.api.post("/api/v1/services/" + service + "/transfers", Map.of("toTeam", team())), 409, null);

		Reply accepted = ok(this.api.post("/api/v1/services/" + service + "/transfers/" + id + "/accept", null));
		assertThat(accepted.json().path("status").asString()).isEqualTo("accepted");
		assertThat(this.api.get("/api/v1/services/" + service).json().path("owner").asString()).isEqualTo(to);
		assertThat(this.api.get("/api/v1/services/" + service + "/responsibilities")
			.json()
			.path("items")
			.findValuesAsString("accountable")).containsOnly(to);
		problem(this.api.post("/api/v1/services/" + service + "/transfers/" + id + "/accept", null), 409, null);

		JsonNode history = ok(this.api.get("/api/v1/services/" + service + "/ownership-history")).json().path("items");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).path("toTeam").asString()).isEqualTo(from);
		assertThat(history.get(1).path("fromTeam").asString()).isEqualTo(from);
		assertThat(history.get(1).path("toTeam").asString()).isEqualTo(to);
		assertThat(history.get(1).path("transferId").asString()).isEqualTo(id);
	}

	@Test
	void declinedOrCancelledTransferChangesNothing() {
		String from = team();
		String service = service(from, 3);
		String declined = created(this.api.post("/api/v1/services/" + service + "/transfers", Map.of("toTeam", team())))
			.json()
			.path("id")
			.asString();
		assertThat(ok(this.api.post("/api/v1/services/" + service + "/transfers/" + declined + "/decline", null)).json()
			.path("status")
			.asString()).isEqualTo("declined");
		String cancelled = created(
				this.api.post("/api/v1/services/" + service + "/transfers", Map.of("toTeam", team())))
			.json()
			.path("id")
			.asString();
		ok(this.api.post("/api/v1/services/" + service + "/transfers/" + cancelled + "/cancel", null));
		assertThat(this.api.get("/api/v1/services/" + service).json().path("owner").asString()).isEqualTo(from);
		assertThat(this.api.get("/api/v1/services/" + service + "/transfers").json().path("items")).hasSize(2);
		assertThat(this.api.get("/api/v1/services/" + service + "/ownership-history").json().path("items")).hasSize(1);
	}

	@Test
	void transferToCurrentOwnerOrUnknownTeamIsRefused() {
		String owner = team();
		String service = service(owner, 3);
		problem(this.api.post("/api/v1/services/" + service + "/transfers", Map.of("toTeam", owner)), 409, null);
		problem(this.api.post("/api/v1/services/" + service + "/transfers", Map.of("toTeam", "no-such-team")), 400,
				"toTeam");
		problem(this.api.post("/api/v1/services/" + service + "/transfers/unknown-id/accept", null), 404, null);
	}

}
