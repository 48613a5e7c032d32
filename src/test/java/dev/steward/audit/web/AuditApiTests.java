package dev.steward.audit.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuditApiTests extends ApiTest {

	@Test
	void everyCatalogMutationIsAuditedWithBeforeAndAfter() {
		String owner = team();
		String service = service(owner, 3);
		ok(this.api.patch("/api/v1/services/" + service, Map.of("tier", 2)));
		String provider = service(owner, 3);
		created(this.api.put("/api/v1/services/" + service + "/dependencies/" + provider,
				Map.of("criticality", "soft")));

		JsonNode items = ok(this.api.get("/api/v1/audit?target=" + service)).json().path("items");
		assertThat(items.findValuesAsString("action")).containsExactly("dependency.set", "service.updated",
				"service.created");
		JsonNode update = items.get(1);
		assertThat(update.path("actor").asString()).isEqualTo("token:bootstrap");
		assertThat(update.path("before").path("tier").asInt()).isEqualTo(3);
		assertThat(update.path("after").path("tier").asInt()).isEqualTo(2);
		assertThat(update.path("at").asString()).isNotBlank();
		assertThat(items.get(0).path("target").asString()).isEqualTo(service + "/dependencies/" + provider);
		assertThat(items.get(2).path("before").isNull()).isTrue();
	}

	@Test
	void refusedMutationLeavesNoEntry() {
		String owner = team();
		String service = service(owner, 3);
		problem(this.api.patch("/api/v1/services/" + service, Map.of("tier", 9)), 400, "tier");
		assertThat(this.api.get("/api/v1/audit?target=" + service).json().path("items")).hasSize(1);
	}

	@Test
	void filtersByActorAndSinceAndPages() {
		String team = team();
		team();
		Reply future = ok(this.api.get("/api/v1/audit?target=" + team + "&since=2999-01-01T00:00:00Z"));
		assertThat(future.json().path("items")).isEmpty();
		assertThat(this.api.get("/api/v1/audit?target=" + team + "&actor=token:bootstrap").json().path("items"))
			.hasSize(1);
		assertThat(this.api.get("/api/v1/audit?target=" + team + "&actor=somebody-else").json().path("items"))
			.isEmpty();
		Reply page = ok(this.api.get("/api/v1/audit?limit=1"));
		assertThat(page.json().path("items")).hasSize(1);
		Reply next = ok(this.api.get("/api/v1/audit?limit=1&cursor=" + page.json().path("nextCursor").asString()));
		assertThat(next.json().path("items").get(0).path("id").asLong())
			.isLessThan(page.json().path("items").get(0).path("id").asLong());
		problem(this.api.get("/api/v1/audit?since=yesterday"), 400, "since");
	}

	@Test
	void auditLogHasNoWriteEndpoints() {
		for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
			Reply reply = this.api.send(method, "/api/v1/audit", "{}", Map.of("Content-Type", "application/json"));
			assertThat(reply.status()).as(method).isEqualTo(405);
		}
	}

}
