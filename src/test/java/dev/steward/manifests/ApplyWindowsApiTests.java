package dev.steward.manifests;

import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code Environment} and {@code Window} documents. Environments need names and places in
 * the promotion order of their own in the shared database, so each test takes fresh ones;
 * pruning is in {@link ApplyPruneTests}, on a database of its own.
 */
class ApplyWindowsApiTests extends ApiTest {

	private static final int NIGHTLY = 0;

	private static final int FREEZE = 1;

	private Reply apply(List<Map<String, Object>> documents, Map<String, Object> options) {
		Map<String, Object> body = new HashMap<>(options);
		body.put("documents", documents);
		return this.api.post("/api/v1/apply", body);
	}

	/** The names and places in the promotion order of one test's environments. */
	private record Fixture(String suffix, int stagingOrder, int productionOrder) {

		static Fixture fresh() {
			return new Fixture(unique("w").substring(2), environmentOrder(), environmentOrder());
		}

		String staging() {
			return "stage-" + this.suffix;
		}

		String production() {
			return "prod-" + this.suffix;
		}

	}

	/**
	 * Windows first, then the environments, services and team they name, written the way
	 * people write them rather than as stored: environments out of order, a duration in
	 * minutes, times with an offset.
	 */
	private static List<Map<String, Object>> bundle(Fixture fixture) {
		String suffix = fixture.suffix();
		return new ArrayList<>(List.of(
				window("nightly-" + suffix,
						Map.of("scope", "service:api-" + suffix, "environments",
								List.of(fixture.staging(), fixture.production()), "kind", "allow", "schedule",
								"0 22 * * 1-5", "duration", "PT120M", "timeZone", "Europe/Berlin")),
				window("freeze-" + suffix,
						Map.of("scope", "product:shop-" + suffix, "environments", List.of(fixture.production()), "kind",
								"deny", "start", "2027-12-24T00:00:00+01:00", "end", "2027-12-27T00:00:00+01:00",
								"timeZone", "Europe/Berlin", "reason", "Holidays")),
				document("Environment", fixture.staging(),
						Map.of("title", "Staging", "kind", "non-production", "order", fixture.stagingOrder())),
				document("Environment", fixture.production(),
						Map.of("title", "Production", "kind", "production", "order", fixture.productionOrder())),
				document("User", "ana-" + suffix,
						Map.of("displayName", "Ana", "email", "ana@example.com", "timeZone", "Europe/Berlin")),
				document("Team", "ops-" + suffix,
						Map.of("title", "Ops", "kind", "stream", "members",
								List.of(Map.of("user", "ana-" + suffix, "role", "member")))),
				document("Product", "shop-" + suffix, Map.of("title", "Shop")), document("Service", "api-" + suffix,
						Map.of("title", "API", "owner", "ops-" + suffix, "tier", 2, "product", "shop-" + suffix))));
	}

	private static Map<String, Object> window(String name, Map<String, Object> spec) {
		return document("Window", name, spec);
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
	void createsEnvironmentsBeforeWindowsThenChangesNothingOnTheSecondApply() {
		Fixture fixture = Fixture.fresh();
		String suffix = fixture.suffix();
		JsonNode plan = ok(apply(bundle(fixture), Map.of())).json().path("plan");
		assertThat(plan.findValuesAsString("action")).containsOnly("create").hasSize(8);
		assertThat(plan.findValuesAsString("kind")).startsWith("Environment", "Environment")
			.endsWith("Service", "Window", "Window");

		JsonNode nightly = ok(this.api.get("/api/v1/windows/nightly-" + suffix)).json();
		assertThat(nightly.path("duration").asString()).isEqualTo("PT2H");
		assertThat(nightly.path("environments").get(0).asString()).isEqualTo(fixture.production());
		JsonNode freeze = ok(this.api.get("/api/v1/windows/freeze-" + suffix)).json();
		assertThat(freeze.path("start").asString()).isEqualTo("2027-12-23T23:00:00Z");
		assertThat(freeze.path("scope").asString()).isEqualTo("product:shop-" + suffix);
		JsonNode production = ok(this.api.get("/api/v1/environments/" + fixture.production())).json();
		assertThat(production.path("promotionRequired").asBoolean()).isTrue();
		assertThat(production.path("order").asInt()).isEqualTo(fixture.productionOrder());
		int auditBefore = this.api.get("/api/v1/audit?target=nightly-" + suffix).json().path("items").size();

		JsonNode second = ok(apply(bundle(fixture), Map.of())).json();
		assertThat(second.path("plan").findValuesAsString("action")).containsOnly("unchanged");
		assertThat(second.path("summary").path("unchanged").asInt()).isEqualTo(8);
		assertThat(this.api.get("/api/v1/audit?target=nightly-" + suffix).json().path("items")).hasSize(auditBefore);
	}

	@Test
	void plansUpdatesNamingTheChangedFields() {
		Fixture fixture = Fixture.fresh();
		String suffix = fixture.suffix();
		ok(apply(bundle(fixture), Map.of()));
		List<Map<String, Object>> documents = bundle(fixture);
		documents.set(NIGHTLY, changed(documents.get(NIGHTLY),
				Map.of("duration", "PT3H", "environments", List.of(fixture.production()))));
		documents.set(FREEZE, changed(documents.get(FREEZE), Map.of("end", "2027-12-28T00:00:00+01:00")));
		documents.set(3, changed(documents.get(3), Map.of("title", "Live", "promotionRequired", false)));
		JsonNode plan = ok(apply(documents, Map.of())).json().path("plan");
		assertThat(plan.get(1).path("name").asString()).isEqualTo(fixture.production());
		assertThat(plan.get(1).path("changes").toString()).isEqualTo("[\"title\",\"promotionRequired\"]");
		assertThat(plan.get(6).path("changes").toString()).isEqualTo("[\"environments\",\"duration\"]");
		assertThat(plan.get(7).path("changes").toString()).isEqualTo("[\"end\"]");
		assertThat(plan.findValuesAsString("action")).containsOnly("update", "unchanged");

		JsonNode nightly = ok(this.api.get("/api/v1/windows/nightly-" + suffix)).json();
		assertThat(nightly.path("duration").asString()).isEqualTo("PT3H");
		assertThat(nightly.path("environments")).hasSize(1);
		assertThat(this.api.get("/api/v1/windows/freeze-" + suffix).json().path("end").asString())
			.isEqualTo("2027-12-27T23:00:00Z");
		assertThat(this.api.get("/api/v1/environments/" + fixture.production())
			.json()
			.path("promotionRequired")
			.asBoolean()).isFalse();
		assertThat(ok(apply(documents, Map.of())).json().path("plan").findValuesAsString("action"))
			.containsOnly("unchanged");
	}

	@Test
	void anInvalidWindowRefusesTheWholeBatch() {
		Fixture fixture = Fixture.fresh();
		String suffix = fixture.suffix();
		List<Map<String, Object>> documents = bundle(fixture);
		documents.set(FREEZE, changed(documents.get(FREEZE), Map.of("end", "2027-12-20T00:00:00+01:00")));
		problem(apply(documents, Map.of()), 400, "documents[1].spec.end");

		documents = bundle(fixture);
		documents.set(FREEZE, changed(documents.get(FREEZE), Map.of("environments", List.of("nowhere-" + suffix))));
		problem(apply(documents, Map.of()), 400, "documents[1].spec.environments[0]");

		documents = bundle(fixture);
		documents.set(FREEZE,
				changed(documents.get(FREEZE), Map.of("environments", Arrays.asList(fixture.production(), null))));
		problem(apply(documents, Map.of()), 400, "documents[1].spec.environments[1]");

		documents = bundle(fixture);
		documents.set(FREEZE, changed(documents.get(FREEZE), Map.of("scope", "service:nothing-" + suffix)));
		problem(apply(documents, Map.of()), 400, "documents[1].spec.scope");

		problem(this.api.get("/api/v1/environments/" + fixture.production()), 404, null);
		problem(this.api.get("/api/v1/windows/nightly-" + suffix), 404, null);
		problem(this.api.get("/api/v1/services/api-" + suffix), 404, null);

		ok(apply(bundle(fixture), Map.of()));
		documents = bundle(fixture);
		documents.set(2, changed(documents.get(2), Map.of("title", "Pre-production")));
		documents.set(FREEZE, changed(documents.get(FREEZE), Map.of("timeZone", "Mars/Olympus")));
		problem(apply(documents, Map.of()), 400, "documents[1].spec.timeZone");
		assertThat(this.api.get("/api/v1/environments/" + fixture.staging()).json().path("title").asString())
			.isEqualTo("Staging");
	}

	@Test
	void aCronSyntaxErrorIsRefusedNamingTheSchedule() {
		Fixture fixture = Fixture.fresh();
		List<Map<String, Object>> documents = bundle(fixture);
		documents.set(NIGHTLY, changed(documents.get(NIGHTLY), Map.of("schedule", "0 25 * * 1-5")));
		Reply reply = apply(documents, Map.of());
		problem(reply, 400, "documents[0].spec.schedule");
		assertThat(reply.json().path("errors").findValuesAsString("message")).anySatisfy(
				message -> assertThat(message).contains("five-field cron expression").contains("25 is outside"));
		problem(this.api.get("/api/v1/windows/freeze-" + fixture.suffix()), 404, null);
	}

	@Test
	void dryRunPlansButStoresNothing() {
		Fixture fixture = Fixture.fresh();
		JsonNode reply = ok(apply(bundle(fixture), Map.of("dryRun", true))).json();
		assertThat(reply.path("summary").path("create").asInt()).isEqualTo(8);
		problem(this.api.get("/api/v1/environments/" + fixture.staging()), 404, null);
		problem(this.api.get("/api/v1/windows/nightly-" + fixture.suffix()), 404, null);
	}

	@Test
	void windowsAreChangedByWhoMayManageTheirScopeAndEnvironmentsByAdministrators() {
		Fixture fixture = Fixture.fresh();
		String suffix = fixture.suffix();
		ok(apply(bundle(fixture), Map.of()));
		String member = token("ana-" + suffix);
		String outsider = token(user());
		ok(this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", bundle(fixture))));

		List<Map<String, Object>> serviceWindow = bundle(fixture);
		serviceWindow.set(NIGHTLY, changed(serviceWindow.get(NIGHTLY), Map.of("duration", "PT1H")));
		Reply refused = this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", serviceWindow));
		problem(refused, 403, null);
		assertThat(refused.json().path("detail").asString()).startsWith("documents[0]");
		ok(this.api.withToken(member).post("/api/v1/apply", Map.of("documents", serviceWindow)));
		assertThat(this.api.get("/api/v1/windows/nightly-" + suffix).json().path("duration").asString())
			.isEqualTo("PT1H");

		List<Map<String, Object>> productWindow = bundle(fixture);
		productWindow.set(FREEZE, changed(productWindow.get(FREEZE), Map.of("reason", "Peak season")));
		problem(this.api.withToken(member).post("/api/v1/apply", Map.of("documents", productWindow)), 403, null);
		List<Map<String, Object>> environment = bundle(fixture);
		environment.set(2, changed(environment.get(2), Map.of("title", "Pre-production")));
		Reply forbidden = this.api.withToken(member).post("/api/v1/apply", Map.of("documents", environment));
		problem(forbidden, 403, null);
		assertThat(forbidden.json().path("detail").asString()).startsWith("documents[2]");
		assertThat(this.api.get("/api/v1/environments/" + fixture.staging()).json().path("title").asString())
			.isEqualTo("Staging");
	}

}
