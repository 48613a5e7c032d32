package dev.steward.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static dev.steward.manifests.ApplyApisAndDataApiTests.V1;
import static dev.steward.manifests.ApplyApisAndDataApiTests.bundle;
import static dev.steward.manifests.ApplyApisAndDataApiTests.version;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prune deletes the APIs (with their consumers) and datastores no document declares, so
 * it runs on a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:prune-apis-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class ApplyApisAndDataPruneTests {

	@LocalServerPort
	int port;

	@Test
	void pruneDeletesUndeclaredApisAndDatastoresBeforeTheirServices() {
		ApiClient api = new ApiClient("http://127.0.0.1:" + this.port, ApiTest.ADMIN_TOKEN);
		List<Map<String, Object>> all = bundle("p", List.of(version("1.0.0", "published", V1)));
		assertThat(api.post("/api/v1/apply", Map.of("documents", all)).status()).isEqualTo(200);

		List<Map<String, Object>> withoutApiAndDatastore = new ArrayList<>(all.subList(0, 5));
		JsonNode dryRun = api
			.post("/api/v1/apply", Map.of("documents", withoutApiAndDatastore, "prune", true, "dryRun", true))
			.json();
		assertThat(dryRun.path("summary").path("delete").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/apis/ledger-api-p").status()).isEqualTo(200);

		JsonNode applied = api.post("/api/v1/apply", Map.of("documents", withoutApiAndDatastore, "prune", true)).json();
		assertThat(applied.path("plan").findValuesAsString("name")).endsWith("ledger-api-p", "ledger-db-p");
		assertThat(applied.path("summary").path("delete").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/apis/ledger-api-p").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/datastores/ledger-db-p").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/services/reports-p/consumed-apis").json().path("items")).isEmpty();

		assertThat(api.post("/api/v1/apply", Map.of("documents", all)).status()).isEqualTo(200);
		JsonNode services = api.post("/api/v1/apply", Map.of("documents", all.subList(0, 2), "prune", true)).json();
		assertThat(services.path("plan").findValuesAsString("name")).containsSubsequence("ledger-api-p", "ledger-db-p",
				"ledger-p");
		assertThat(api.get("/api/v1/services/ledger-p").status()).isEqualTo(404);
	}

}
