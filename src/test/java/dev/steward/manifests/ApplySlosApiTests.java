package dev.steward.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import tools.jackson.databind.JsonNode;

import static dev.steward.manifests.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SLO} documents, named {@code <service>/<slo>}; pruning them is in
 * {@link ApplyPruneTests}, on a database of its own.
 */
class ApplySlosApiTests extends ApiTest {

	private static final int AVAILABILITY = 0;

	private static final int LATENCY = 1;

	private Reply apply(List<Map<String, Object>> documents, Map<String, Object> options) {
		Map<String, Object> body = new HashMap<>(options);
		body.put("documents", documents);
		return this.api.post("/api/v1/apply", body);
	}

	/**
	 * Two SLOs first, then the service and team they belong to, written as people write
	 * them: windows in days, a whole-number objective.
	 */
	private static List<Map<String, Object>> bundle(String suffix) {
		return new ArrayList<>(List.of(
				document("SLO", "api-" + suffix + "/availability",
						Map.of("title", "Available", "indicator", "availability", "objective", 99.9, "window", "P30D")),
				document("SLO", "api-" + suffix + "/latency",
						Map.of("indicator", "latency", "objective", 99, "window", "P28D", "latencyThreshold", "PT0.3S",
								"prometheus",
								Map.of("url", "http://prometheus.example:9090", "goodQuery", "http_fast_total",
										"totalQuery", "http_total"))),
				document("User", "ana-" + suffix,
						Map.of("displayName", "Ana", "email", "ana@example.com", "timeZone", "Europe/Berlin")),
				document("Team", "ops-" + suffix,
						Map.of("title", "Ops", "kind", "stream", "members",
								List.of(Map.of("user", "ana-" + suffix, "role", "member")))),
				document("Service", "api-" + suffix, Map.of("title", "API", "owner", "ops-" + suffix, "tier", 2))));
	}

	private static Map<String, Object> changed(Map<String, Object> document, Map<String, Object> changes) {
		@SuppressWarnings("unchecked")
		Map<String, Object> spec = new HashMap<>((Map<String, Object>) document.get("spec"));
		spec.putAll(changes);
		@SuppressWarnings("unchecked")
		String name = ((Map<String, String>) document.get("metadata")).get("name");
		return document((String) document.get("kind"), name, spec);
	}

	private String token(String user) {
		return created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "ci", "scopes", List.of("write"))))
			.json()
			.path("token")
			.asString();
	}

	@Test
	void createsSlosAfterTheirServiceThenChangesNothingOnTheSecondApply() {
		String suffix = unique("s").substring(2);
		JsonNode plan = ok(apply(bundle(suffix), Map.of())).json().path("plan");
		assertThat(plan.findValuesAsString("action")).containsOnly("create").hasSize(5);
		assertThat(plan.findValuesAsString("kind")).endsWith("Service", "SLO", "SLO");
		assertThat(plan.findValuesAsString("name")).endsWith("api-" + suffix + "/availability",
				"api-" + suffix + "/latency");

		JsonNode slos = ok(this.api.get("/api/v1/services/api-" + suffix + "/slos")).json().path("items");
		assertThat(slos.findValuesAsString("name")).containsExactlyInAnyOrder("availability", "latency");
		JsonNode latency = ok(this.api.get("/api/v1/services/api-" + suffix + "/slos/latency")).json();
		assertThat(latency.path("objective").asDouble()).isEqualTo(99.0);
		assertThat(latency.path("window").asString()).isEqualTo("P28D");
		assertThat(slos.findValuesAsString("url")).containsExactly("http://prometheus.example:9090");
		int auditBefore = this.api.get("/api/v1/audit?target=api-" + suffix + "/latency").json().path("items").size();

		JsonNode second = ok(apply(bundle(suffix), Map.of())).json();
		assertThat(second.path("plan").findValuesAsString("action")).containsOnly("unchanged");
		assertThat(this.api.get("/api/v1/audit?target=api-" + suffix + "/latency").json().path("items"))
			.hasSize(auditBefore);
	}

	@Test
	void plansUpdatesNamingTheChangedFields() {
		String suffix = unique("s").substring(2);
		ok(apply(bundle(suffix), Map.of()));
		List<Map<String, Object>> documents = bundle(suffix);
		documents.set(AVAILABILITY, changed(documents.get(AVAILABILITY), Map.of("objective", 99.5, "window", "P7D")));
		documents.set(LATENCY, changed(documents.get(LATENCY), Map.of("latencyThreshold", "PT0.5S")));
		JsonNode plan = ok(apply(documents, Map.of())).json().path("plan");
		assertThat(plan.get(3).path("changes").toString()).isEqualTo("[\"objective\",\"window\"]");
		assertThat(plan.get(4).path("changes").toString()).isEqualTo("[\"latencyThreshold\"]");
		assertThat(this.api.get("/api/v1/services/api-" + suffix + "/slos/availability")
			.json()
			.path("objective")
			.asDouble()).isEqualTo(99.5);
		assertThat(ok(apply(documents, Map.of())).json().path("plan").findValuesAsString("action"))
			.containsOnly("unchanged");
	}

	@Test
	void anInvalidSloRefusesTheWholeBatch() {
		String suffix = unique("s").substring(2);
		List<Map<String, Object>> documents = bundle(suffix);
		documents.set(AVAILABILITY, changed(documents.get(AVAILABILITY), Map.of("objective", 100)));
		problem(apply(documents, Map.of()), 400, "documents[0].spec.objective");

		documents = bundle(suffix);
		documents.set(LATENCY, changed(documents.get(LATENCY), Map.of("window", "P1Y")));
		problem(apply(documents, Map.of()), 400, "documents[1].spec.window");

		documents = bundle(suffix);
		documents.set(AVAILABILITY, document("SLO", "availability", Map.of()));
		problem(apply(documents, Map.of()), 400, "documents[0].metadata.name");

		documents = bundle(suffix);
		documents.set(AVAILABILITY, document("SLO", "nothing-" + suffix + "/availability",
				Map.of("indicator", "ratio", "objective", 99, "window", "P30D")));
		problem(apply(documents, Map.of()), 400, "documents[0].metadata.name");
		problem(this.api.get("/api/v1/services/api-" + suffix), 404, null);

		Reply dryRun = ok(apply(bundle(suffix), Map.of("dryRun", true)));
		assertThat(dryRun.json().path("summary").path("create").asInt()).isEqualTo(5);
		problem(this.api.get("/api/v1/services/api-" + suffix), 404, null);
	}

	@Test
	void slosAreChangedByMembersOfTheServiceTeam() {
		String suffix = unique("s").substring(2);
		ok(apply(bundle(suffix), Map.of()));
		String member = token("ana-" + suffix);
		String outsider = token(user());
		ok(this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", bundle(suffix))));

		List<Map<String, Object>> documents = bundle(suffix);
		documents.set(LATENCY, changed(documents.get(LATENCY), Map.of("objective", 98)));
		Reply refused = this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", documents));
		problem(refused, 403, null);
		assertThat(refused.json().path("detail").asString()).startsWith("documents[1]");
		ok(this.api.withToken(member).post("/api/v1/apply", Map.of("documents", documents)));
		assertThat(this.api.get("/api/v1/services/api-" + suffix + "/slos/latency").json().path("objective").asDouble())
			.isEqualTo(98.0);
	}

}
