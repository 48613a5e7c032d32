package dev.steward.data.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Datastores over HTTP: one owner each, schemas, direct access and its violations. */
class DataApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	@Test
	void declaresADatastoreWithItsOwnerAndWhatItHolds() {
		String team = team();
		String owner = service(team, 1);
		String name = unique("orders-db");
		Map<String, Object> request = datastore(name, owner);
		request.put("retentionDays", 365);
		request.put("backupPolicy", "Nightly snapshots kept 35 days, point-in-time recovery for 7");
		request.put("accessPatterns", Map.of("readsPerSecond", 1200, "writesPerSecond", 80.5, "description",
				"Reads by order id; writes on checkout"));
		Reply created = created(this.api.post("/api/v1/datastores", request));
		assertThat(created.header("Location")).hasValue("/api/v1/datastores/" + name);
		JsonNode body = created.json();
		assertThat(body.path("owner").asString()).isEqualTo(owner);
		assertThat(body.path("ownerTeam").asString()).isEqualTo(team);
		assertThat(body.path("operatedBy").asString()).isEqualTo(team);
		assertThat(body.path("kind").asString()).isEqualTo("postgresql");
		assertThat(body.path("classification").asString()).isEqualTo("confidential");
		assertThat(body.path("pii").asBoolean()).isTrue();
		assertThat(body.path("retentionDays").asInt()).isEqualTo(365);
		assertThat(body.path("accessPatterns").path("writesPerSecond").asDouble()).isEqualTo(80.5);
		assertThat(ok(this.api.get("/api/v1/datastores/" + name)).header("ETag")).isPresent();
		assertThat(ok(this.api.get("/api/v1/services/" + owner + "/datastores")).json()
			.path("items")
			.findValuesAsString("name")).containsExactly(name);
		assertThat(ok(this.api.get("/api/v1/datastores?owner=" + owner)).json().path("items").size()).isEqualTo(1);
	}

	@Test
	void aDatastoreHasExactlyOneOwner() {
		String name = unique("ledger");
		created(this.api.post("/api/v1/datastores", datastore(name, service(team(), 2))));
		Reply second = this.api.post("/api/v1/datastores", datastore(name, service(team(), 2)));
		problem(second, 409, null);
		assertThat(second.json().path("detail").asString()).contains("already owned by service");
	}

	@Test
	void refusesInvalidDatastoresAndStoresNothing() {
		String owner = service(team(), 3);
		String name = unique("bad-db");
		Map<String, Object> unknownOwner = datastore(name, unique("nobody"));
		problem(this.api.post("/api/v1/datastores", unknownOwner), 400, "owner");
		Map<String, Object> noClassification = datastore(name, owner);
		noClassification.put("classification", "secret");
		problem(this.api.post("/api/v1/datastores", noClassification), 400, "classification");
		Map<String, Object> badKind = datastore(name, owner);
		badKind.put("kind", "Postgre SQL");
		problem(this.api.post("/api/v1/datastores", badKind), 400, "kind");
		Map<String, Object> noPii = datastore(name, owner);
		noPii.remove("pii");
		problem(this.api.post("/api/v1/datastores", noPii), 400, "pii");
		Map<String, Object> badRetention = datastore(name, owner);
		badRetention.put("retentionDays", 0);
		badRetention.put("accessPatterns", Map.of("readsPerSecond", -1));
		Reply two = this.api.post("/api/v1/datastores", badRetention);
		problem(two, 400, "retentionDays");
		problem(two, 400, "accessPatterns.readsPerSecond");
		problem(this.api.get("/api/v1/datastores/" + name), 404, null);
	}

	@Test
	void keepsEveryVersionOfEachSchema() {
		String name = unique("orders-db");
		created(this.api.post("/api/v1/datastores", datastore(name, service(team(), 2))));
		String schemas = "/api/v1/datastores/" + name + "/schemas";
		String applied = this.clock.instant().minusSeconds(3600).toString();
		Reply first = created(this.api.post(schemas, Map.of("name", "orders", "version", "1", "document",
				"create table orders (id bigint primary key)", "appliedAt", applied)));
		assertThat(first.header("Location")).hasValue(schemas + "/orders/versions/1");
		assertThat(first.json().path("recordedBy").asString()).isNotBlank();
		created(this.api.post(schemas,
				Map.of("name", "orders", "version", "2", "document", "alter table orders add column total numeric")));
		created(this.api.post(schemas,
				Map.of("name", "customers", "version", "V1", "document", "create table customers (id bigint)")));
		problem(this.api.post(schemas, Map.of("name", "orders", "version", "2", "document", "drop table orders")), 409,
				null);
		problem(this.api.post(schemas, Map.of("name", "orders", "version", "3 final", "document", "x")), 400,
				"version");
		problem(this.api.post(schemas, Map.of("name", "orders", "version", "3", "document", "x", "appliedAt",
				this.clock.instant().plusSeconds(86_400).toString())), 400, "appliedAt");
		problem(this.api.post(schemas, Map.of("name", "orders", "version", "3")), 400, "document");
		JsonNode history = ok(this.api.get(schemas)).json().path("items");
		assertThat(history.findValuesAsString("version")).containsExactlyInAnyOrder("1", "2", "V1");
		assertThat(history.findValues("document")).isEmpty();
		assertThat(ok(this.api.get(schemas + "?name=orders")).json().path("items").findValuesAsString("version"))
			.containsExactly("2", "1");
		assertThat(ok(this.api.get(schemas + "/orders/versions/1")).json().path("document").asString())
			.isEqualTo("create table orders (id bigint primary key)");
	}

	@Test
	void directAccessByAnotherServiceIsAViolationOnBothWithTheOwnersApisAsTheWayIn() {
		String owner = service(team(), 1);
		String reader = service(team(), 2);
		String name = unique("payments-db");
		created(this.api.post("/api/v1/datastores", datastore(name, owner)));
		String api = unique("payments");
		created(this.api.post("/api/v1/services/" + owner + "/apis",
				Map.of("name", api, "visibility", "internal", "type", "openapi")));
		Reply own = created(
				this.api.put("/api/v1/services/" + owner + "/datastore-access/" + name, Map.of("mode", "write")));
		assertThat(own.json().path("violation").asBoolean()).isFalse();
		assertThat(violations(owner)).isEmpty();
		Reply foreign = created(this.api.put("/api/v1/services/" + reader + "/datastore-access/" + name,
				Map.of("mode", "read", "note", "Monthly revenue report")));
		assertThat(foreign.json().path("violation").asBoolean()).isTrue();
		assertThat(foreign.json().path("owner").asString()).isEqualTo(owner);
		for (String side : List.of(owner, reader)) {
			JsonNode found = violations(side);
			assertThat(found.size()).as(side).isEqualTo(1);
			assertThat(found.get(0).path("type").asString()).isEqualTo("data-direct-access");
			assertThat(found.get(0).path("service").asString()).isEqualTo(reader);
			assertThat(found.get(0).path("counterpart").asString()).isEqualTo(owner);
			assertThat(found.get(0).path("subject").asString()).isEqualTo(name);
			assertThat(found.get(0).path("suggestedApis").get(0).asString()).isEqualTo(api);
			assertThat(found.get(0).path("detail").asString()).contains(reader + " reads datastore " + name);
		}
		assertThat(ok(this.api.get("/api/v1/datastores/" + name + "/access")).json()
			.path("items")
			.findValuesAsString("service")).containsExactlyInAnyOrder(owner, reader);
		ok(this.api.put("/api/v1/services/" + reader + "/datastore-access/" + name, Map.of("mode", "write")));
		assertThat(violations(reader).get(0).path("detail").asString()).contains("writes to");
		problem(this.api.put("/api/v1/services/" + reader + "/datastore-access/" + name, Map.of("mode", "admin")), 400,
				"mode");
		problem(this.api.put("/api/v1/services/" + reader + "/datastore-access/" + unique("none"),
				Map.of("mode", "read")), 404, null);
		assertThat(this.api.delete("/api/v1/services/" + reader + "/datastore-access/" + name).status()).isEqualTo(204);
		assertThat(violations(reader).size()).isZero();
		problem(this.api.get("/api/v1/violations?service=" + unique("ghost")), 404, null);
	}

	@Test
	void handingADatastoreToItsReaderEndsTheViolation() {
		String owner = service(team(), 2);
		String reader = service(team(), 2);
		String name = unique("events-topic");
		created(this.api.post("/api/v1/datastores", datastore(name, owner)));
		created(this.api.put("/api/v1/services/" + reader + "/datastore-access/" + name, Map.of("mode", "read")));
		assertThat(violations(reader).size()).isEqualTo(1);
		Reply patched = ok(this.api.patch("/api/v1/datastores/" + name, Map.of("owner", reader)));
		assertThat(patched.json().path("owner").asString()).isEqualTo(reader);
		assertThat(violations(reader).size()).isZero();
		assertThat(violations(owner).size()).isZero();
		problem(this.api.patch("/api/v1/datastores/" + name, Map.of("owner", unique("nobody"))), 400, "owner");
	}

	@Test
	void aSharedDatabaseTeamThatAcceptedTheDatabasesOperatesTheDatastore() {
		String dba = user();
		String dbaTeam = team("shared", List.of(Map.of("user", dba, "role", "lead")));
		String owner = service(team(), 2);
		String name = unique("orders-db");
		created(this.api.post("/api/v1/datastores", datastore(name, owner)));
		ok(this.api.put("/api/v1/services/" + owner + "/responsibilities/databases", Map.of("handledBy", dbaTeam)));
		assertThat(ok(this.api.get("/api/v1/datastores/" + name)).json().path("operatedBy").asString())
			.isNotEqualTo(dbaTeam);
		ok(this.api.post("/api/v1/services/" + owner + "/responsibilities/databases/accept", null));
		JsonNode accepted = ok(this.api.get("/api/v1/datastores/" + name)).json();
		assertThat(accepted.path("operatedBy").asString()).isEqualTo(dbaTeam);
		assertThat(accepted.path("owner").asString()).isEqualTo(owner);
	}

	@Test
	void deletingADatastoreTakesItsSchemasAndAccessWithIt() {
		String owner = service(team(), 3);
		String reader = service(team(), 3);
		String name = unique("cache");
		Reply created = created(this.api.post("/api/v1/datastores", datastore(name, owner)));
		created(this.api.post("/api/v1/datastores/" + name + "/schemas",
				Map.of("name", "keys", "version", "1", "document", "session:{id} -> hash")));
		created(this.api.put("/api/v1/services/" + reader + "/datastore-access/" + name, Map.of("mode", "read")));
		problem(this.api.send("DELETE", "/api/v1/datastores/" + name, null, Map.of("If-Match", "\"999\"")), 412, null);
		assertThat(this.api
			.send("DELETE", "/api/v1/datastores/" + name, null,
					Map.of("If-Match", created.header("ETag").orElseThrow()))
			.status()).isEqualTo(204);
		assertThat(violations(reader).size()).isZero();
		problem(this.api.get("/api/v1/datastores/" + name + "/schemas"), 404, null);
	}

	private JsonNode violations(String service) {
		return ok(this.api.get("/api/v1/violations?service=" + service)).json().path("items");
	}

	private static Map<String, Object> datastore(String name, String owner) {
		return new HashMap<>(Map.of("name", name, "owner", owner, "kind", "postgresql", "classification",
				"confidential", "pii", true));
	}

}
