package dev.steward.catalog.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceApiTests extends ApiTest {

	@Test
	void registersServiceWithOwnerTierAndDefaultLifecycle() {
		String owner = team();
		String name = unique("svc");
		Reply reply = created(this.api.post("/api/v1/services",
				Map.of("name", name, "title", "Payments API", "owner", owner, "tier", 1, "responsibilities",
						List.of("Takes payments"), "links", Map.of("runbook", "https://wiki.example/runbook"), "tags",
						List.of("money"))));
		assertThat(reply.header("Location")).hasValue("/api/v1/services/" + name);
		assertThat(reply.header("ETag")).isPresent();
		assertThat(reply.json().path("owner").asString()).isEqualTo(owner);
		assertThat(reply.json().path("tier").asInt()).isEqualTo(1);
		assertThat(reply.json().path("lifecycle").asString()).isEqualTo("experimental");
		assertThat(reply.json().path("responsibilities").get(0).asString()).isEqualTo("Takes payments");
		assertThat(reply.json().path("links").path("runbook").asString()).isEqualTo("https://wiki.example/runbook");
		assertThat(ok(this.api.get("/api/v1/services/" + name)).json().path("title").asString())
			.isEqualTo("Payments API");
	}

	@Test
	void refusesServiceWithoutExistingOwner() {
		String name = unique("svc");
		problem(this.api.post("/api/v1/services", Map.of("name", name, "title", "x", "tier", 2)), 400, "owner");
		problem(this.api.post("/api/v1/services",
				Map.of("name", name, "title", "x", "tier", 2, "owner", "no-such-team")), 400, "owner");
		problem(this.api.get("/api/v1/services/" + name), 404, null);
	}

	@Test
	void refusesInvalidFieldsAllAtOnce() {
		Reply reply = this.api.post("/api/v1/services", Map.of("name", "Not A Slug", "title", "", "owner", team(),
				"tier", 7, "lifecycle", "zombie", "links", Map.of("runbook", "not a url")));
		problem(reply, 400, "name");
		assertThat(reply.json().path("errors").findValuesAsString("field")).contains("title", "tier", "lifecycle",
				"links.runbook");
	}

	@Test
	void refusesDuplicateName() {
		String owner = team();
		String name = service(owner, 2);
		problem(this.api.post("/api/v1/services", Map.of("name", name, "title", "again", "owner", owner, "tier", 2)),
				409, null);
	}

	@Test
	void updateCannotChangeOwner() {
		String owner = team();
		String other = team();
		String name = service(owner, 2);
		problem(this.api.put("/api/v1/services/" + name, Map.of("title", "Renamed", "owner", other, "tier", 2)), 409,
				null);
		problem(this.api.patch("/api/v1/services/" + name, Map.of("owner", other)), 409, null);
		assertThat(this.api.get("/api/v1/services/" + name).json().path("owner").asString()).isEqualTo(owner);
	}

	@Test
	void putReplacesAndPatchMerges() {
		String owner = team();
		String name = service(owner, 3);
		Reply put = ok(this.api.put("/api/v1/services/" + name, Map.of("title", "Renamed", "owner", owner, "tier", 2,
				"lifecycle", "production", "description", "Now in production", "tags", List.of("a", "b"))));
		assertThat(put.json().path("tier").asInt()).isEqualTo(2);
		Map<String, Object> patch = new HashMap<>();
		patch.put("description", null);
		patch.put("tier", 1);
		Reply patched = ok(this.api.patch("/api/v1/services/" + name, patch));
		assertThat(patched.json().path("tier").asInt()).isEqualTo(1);
		assertThat(patched.json().path("title").asString()).isEqualTo("Renamed");
		assertThat(patched.json().path("description").isNull()).isTrue();
		assertThat(patched.json().path("tags")).hasSize(2);
	}

	@Test
	void honoursIfMatch() {
		String owner = team();
		String name = service(owner, 3);
		String etag = this.api.get("/api/v1/services/" + name).header("ETag").orElseThrow();
		Reply first = ok(this.api.send("PATCH", "/api/v1/services/" + name, Map.of("title", "First"),
				Map.of("If-Match", etag, "Content-Type", "application/merge-patch+json")));
		assertThat(first.header("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
		Reply stale = this.api.send("PATCH", "/api/v1/services/" + name, Map.of("title", "Second"),
				Map.of("If-Match", etag, "Content-Type", "application/merge-patch+json"));
		problem(stale, 412, null);
		problem(this.api.send("DELETE", "/api/v1/services/" + name, null, Map.of("If-Match", etag)), 412, null);
		assertThat(this.api.get("/api/v1/services/" + name).json().path("title").asString()).isEqualTo("First");
	}

	@Test
	void listsWithFiltersSearchAndCursor() {
		String owner = team();
		String word = unique("zebra");
		for (int i = 0; i < 5; i++) {
			created(this.api.post("/api/v1/services", Map.of("name", unique("svc"), "title", "Svc " + i, "owner", owner,
					"tier", i % 2 == 0 ? 1 : 3, "description", "Handles " + word)));
		}
		Reply all = ok(this.api.get("/api/v1/services?owner=" + owner));
		assertThat(all.json().path("items")).hasSize(5);
		assertThat(all.json().path("nextCursor").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/services?owner=" + owner + "&tier=1").json().path("items")).hasSize(3);
		assertThat(this.api.get("/api/v1/services?q=" + word.toUpperCase()).json().path("items")).hasSize(5);

		Reply first = ok(this.api.get("/api/v1/services?owner=" + owner + "&limit=2"));
		assertThat(first.json().path("items")).hasSize(2);
		String cursor = first.json().path("nextCursor").asString();
		Reply second = ok(this.api.get("/api/v1/services?owner=" + owner + "&limit=2&cursor=" + cursor));
		Reply third = ok(this.api
			.get("/api/v1/services?owner=" + owner + "&limit=2&cursor=" + second.json().path("nextCursor").asString()));
		assertThat(third.json().path("items")).hasSize(1);
		assertThat(third.json().path("nextCursor").isNull()).isTrue();
		List<String> names = new java.util.ArrayList<>();
		for (Reply page : List.of(first, second, third)) {
			names.addAll(page.json().path("items").findValuesAsString("name"));
		}
		assertThat(names).doesNotHaveDuplicates().hasSize(5);
	}

	@Test
	void refusesBadListParameters() {
		problem(this.api.get("/api/v1/services?limit=0"), 400, "limit");
		problem(this.api.get("/api/v1/services?tier=9"), 400, "tier");
		problem(this.api.get("/api/v1/services?tier=abc"), 400, "tier");
		problem(this.api.get("/api/v1/services?lifecycle=zombie"), 400, "lifecycle");
		problem(this.api.get("/api/v1/services?cursor=***"), 400, "cursor");
	}

	@Test
	void deletesServiceUnlessItHasConsumers() {
		String owner = team();
		String provider = service(owner, 2);
		String consumer = service(owner, 2);
		created(this.api.put("/api/v1/services/" + consumer + "/dependencies/" + provider,
				Map.of("criticality", "soft")));
		Reply refused = this.api.delete("/api/v1/services/" + provider);
		problem(refused, 409, null);
		assertThat(refused.json().path("consumers").get(0).asString()).isEqualTo(consumer);
		assertThat(this.api.delete("/api/v1/services/" + consumer).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/v1/services/" + provider).status()).isEqualTo(204);
		problem(this.api.get("/api/v1/services/" + provider), 404, null);
	}

}
