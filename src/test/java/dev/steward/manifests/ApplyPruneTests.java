package dev.steward.manifests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.steward.manifests.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

/** Prune deletes what no document declares, so it runs on a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:prune-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=" })
class ApplyPruneTests {

	@LocalServerPort
	int port;

	@Test
	void pruneDeletesUndeclaredResourcesInDependencyOrder() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, ApiTest.ADMIN_TOKEN);
		Map<String, Object> keptService = Map.of("title", "Kept", "owner", "keep", "tier", 2);
		Map<String, Object> keptWithPolicy = new HashMap<>(keptService);
		keptWithPolicy.put("escalationPolicy", "paging");
		List<Map<String, Object>> all = List.of(
				document("User", "pager",
						Map.of("displayName", "Pager", "email", "pager@example.com", "timeZone", "UTC")),
				document("Team", "keep", Map.of("title", "Keep", "kind", "stream")),
				document("Team", "gone", Map.of("title", "Gone", "kind", "stream")),
				document("Product", "old", Map.of("title", "Old")), document("Service", "kept", keptWithPolicy),
				document("Service", "provider",
						Map.of("title", "Provider", "owner", "gone", "tier", 2, "product", "old")),
				document("Service", "consumer",
						Map.of("title", "Consumer", "owner", "gone", "tier", 2, "escalationPolicy", "paging",
								"dependencies", List.of(Map.of("service", "provider", "criticality", "hard")))),
				document("Schedule", "rota",
						Map.of("team", "gone", "timeZone", "UTC", "layers",
								List.of(Map.of("start", "2027-01-04T00:00:00Z", "turnLength", "P1D", "users",
										List.of("pager"))))),
				document("EscalationPolicy", "paging",
						Map.of("team", "gone", "levels",
								List.of(Map.of("delay", "PT5M", "targets",
										List.of(Map.of("type", "schedule", "name", "rota")))))),
				document("Environment", "production", Map.of("kind", "production", "order", 100)),
				document("Environment", "staging", Map.of("kind", "non-production", "order", 50)),
				document("Window", "provider-freeze",
						Map.of("scope", "service:provider", "environments", List.of("staging", "production"), "kind",
								"deny", "start", "2027-12-24T00:00:00Z", "end", "2027-12-27T00:00:00Z", "timeZone",
								"UTC")),
				document("Window", "old-nightly",
						Map.of("scope", "product:old", "kind", "allow", "schedule", "0 22 * * *", "duration", "PT2H",
								"timeZone", "UTC")),
				document("SLO", "consumer/availability",
						Map.of("indicator", "availability", "objective", 99.9, "window", "P30D")),
				document("SLO", "kept/ratio", Map.of("indicator", "ratio", "objective", 99, "window", "P7D")));
		assertThat(api.post("/api/v1/apply", Map.of("documents", all)).status()).isEqualTo(200);

		Map<String, Object> production = all.get(9);
		List<Map<String, Object>> remaining = List.of(all.get(1), document("Service", "kept", keptService), production);
		JsonNode dryRun = api.post("/api/v1/apply", Map.of("documents", remaining, "prune", true, "dryRun", true))
			.json();
		assertThat(dryRun.path("summary").path("delete").asInt()).isEqualTo(11);
		assertThat(api.get("/api/v1/windows/provider-freeze").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/services/consumer").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/escalation-policies/paging").status()).isEqualTo(200);

		JsonNode applied = api.post("/api/v1/apply", Map.of("documents", remaining, "prune", true)).json();
		JsonNode kept = applied.path("plan").get(2);
		assertThat(kept.path("name").asString()).isEqualTo("kept");
		assertThat(kept.path("changes").get(0).asString()).isEqualTo("escalationPolicy");
		assertThat(applied.path("plan").findValuesAsString("name")).containsSubsequence("old-nightly",
				"provider-freeze", "consumer/availability", "kept/ratio", "consumer", "provider", "old", "paging",
				"rota", "gone", "staging");
		assertThat(api.get("/api/v1/windows/old-nightly").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/environments/staging").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/environments/production").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/services/provider").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/escalation-policies/paging").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/schedules/rota").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/teams/gone").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/services/kept").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/services/kept/slos/ratio").status()).isEqualTo(404);

		Map<String, Object> keptRota = document("Schedule", "kept-rota", Map.of("team", "keep", "timeZone", "UTC",
				"layers",
				List.of(Map.of("start", "2027-01-04T00:00:00Z", "turnLength", "P1D", "users", List.of("pager")))));
		assertThat(api.post("/api/v1/apply", Map.of("documents", List.of(all.get(1), keptRota))).status())
			.isEqualTo(200);
		JsonNode refused = api.post("/api/v1/apply", Map.of("documents", List.of(keptRota), "prune", true)).json();
		assertThat(refused.path("status").asInt()).isEqualTo(409);
		assertThat(refused.path("detail").asString()).contains("Team 'keep'").contains("kept-rota");
		assertThat(api.get("/api/v1/services/kept").status()).isEqualTo(200);

		Map<String, Object> keptFreeze = document("Window", "kept-freeze", Map.of("scope", "service:kept", "kind",
				"deny", "start", "2027-12-24T00:00:00Z", "end", "2027-12-27T00:00:00Z", "timeZone", "UTC"));
		assertThat(api.post("/api/v1/apply", Map.of("documents", List.of(production, keptFreeze))).status())
			.isEqualTo(200);
		JsonNode scoped = api
			.post("/api/v1/apply",
					Map.of("documents", List.of(all.get(0), all.get(1), keptRota, production, keptFreeze), "prune",
							true))
			.json();
		assertThat(scoped.path("status").asInt()).isEqualTo(409);
		assertThat(scoped.path("detail").asString()).contains("Service 'kept'").contains("kept-freeze");
		ApiClient.Reply unscoped = api.post("/api/v1/apply", Map.of("documents",
				List.of(all.get(0), all.get(1), keptRota, document("Service", "kept", keptService)), "prune", true));
		assertThat(unscoped.status()).isEqualTo(200);
		assertThat(unscoped.json().path("plan").findValuesAsString("name")).containsSubsequence("kept-freeze",
				"production");
		assertThat(api.get("/api/v1/environments/production").status()).isEqualTo(404);
	}

}
