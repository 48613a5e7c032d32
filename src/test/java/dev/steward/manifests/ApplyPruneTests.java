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
				document("EscalationPolicy", "paging", Map.of("team", "gone", "levels", List
					.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "schedule", "name", "rota")))))));
		assertThat(api.post("/api/v1/apply", Map.of("documents", all)).status()).isEqualTo(200);

		List<Map<String, Object>> remaining = List.of(all.get(1), document("Service", "kept", keptService));
		JsonNode dryRun = api.post("/api/v1/apply", Map.of("documents", remaining, "prune", true, "dryRun", true))
			.json();
		assertThat(dryRun.path("summary").path("delete").asInt()).isEqualTo(6);
		assertThat(api.get("/api/v1/services/consumer").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/escalation-policies/paging").status()).isEqualTo(200);

		JsonNode applied = api.post("/api/v1/apply", Map.of("documents", remaining, "prune", true)).json();
		assertThat(applied.path("plan").get(1).path("changes").get(0).asString()).isEqualTo("escalationPolicy");
		assertThat(applied.path("plan").findValuesAsString("name")).containsSubsequence("consumer", "provider", "old",
				"paging", "rota", "gone");
		assertThat(api.get("/api/v1/services/provider").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/escalation-policies/paging").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/schedules/rota").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/teams/gone").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/services/kept").status()).isEqualTo(200);

		Map<String, Object> keptRota = document("Schedule", "kept-rota", Map.of("team", "keep", "timeZone", "UTC",
				"layers",
				List.of(Map.of("start", "2027-01-04T00:00:00Z", "turnLength", "P1D", "users", List.of("pager")))));
		assertThat(api.post("/api/v1/apply", Map.of("documents", List.of(all.get(1), keptRota))).status())
			.isEqualTo(200);
		JsonNode refused = api.post("/api/v1/apply", Map.of("documents", List.of(keptRota), "prune", true)).json();
		assertThat(refused.path("status").asInt()).isEqualTo(409);
		assertThat(refused.path("detail").asString()).contains("Team 'keep'").contains("kept-rota");
		assertThat(api.get("/api/v1/services/kept").status()).isEqualTo(200);
	}

}
