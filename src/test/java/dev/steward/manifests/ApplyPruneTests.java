package dev.steward.manifests;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Prune deletes what no document declares, so it runs on a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:prune-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=" })
class ApplyPruneTests {

	@LocalServerPort
	int port;

	private static Map<String, Object> document(String kind, String name, Map<String, Object> spec) {
		return Map.of("apiVersion", "steward.dev/v1", "kind", kind, "metadata", Map.of("name", name), "spec", spec);
	}

	@Test
	void pruneDeletesUndeclaredServicesProductsAndTeamsInDependencyOrder() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, ApiTest.ADMIN_TOKEN);
		List<Map<String, Object>> all = List.of(document("Team", "keep", Map.of("title", "Keep", "kind", "stream")),
				document("Team", "gone", Map.of("title", "Gone", "kind", "stream")),
				document("Product", "old", Map.of("title", "Old")),
				document("Service", "kept", Map.of("title", "Kept", "owner", "keep", "tier", 2)),
				document("Service", "provider",
						Map.of("title", "Provider", "owner", "gone", "tier", 2, "product", "old")),
				document("Service", "consumer", Map.of("title", "Consumer", "owner", "gone", "tier", 2, "dependencies",
						List.of(Map.of("service", "provider", "criticality", "hard")))));
		assertThat(api.post("/api/v1/apply", Map.of("documents", all)).status()).isEqualTo(200);

		List<Map<String, Object>> remaining = List.of(all.get(0), all.get(3));
		JsonNode dryRun = api.post("/api/v1/apply", Map.of("documents", remaining, "prune", true, "dryRun", true))
			.json();
		assertThat(dryRun.path("summary").path("delete").asInt()).isEqualTo(4);
		assertThat(api.get("/api/v1/services/consumer").status()).isEqualTo(200);

		JsonNode applied = api.post("/api/v1/apply", Map.of("documents", remaining, "prune", true)).json();
		assertThat(applied.path("plan").findValuesAsString("name")).containsSubsequence("consumer", "provider", "old",
				"gone");
		assertThat(api.get("/api/v1/services/provider").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/teams/gone").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/services/kept").status()).isEqualTo(200);
	}

}
