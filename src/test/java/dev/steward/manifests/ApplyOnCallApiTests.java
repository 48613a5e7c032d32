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

/** {@code Schedule} and {@code EscalationPolicy} documents and a service's policy. */
class ApplyOnCallApiTests extends ApiTest {

	private Reply apply(List<Map<String, Object>> documents, Map<String, Object> options) {
		Map<String, Object> body = new HashMap<>(options);
		body.put("documents", documents);
		return this.api.post("/api/v1/apply", body);
	}

	/**
	 * Two users in a team with a schedule, a policy paging the schedule then a user, and
	 * a service naming the policy; written the way people write them, not as stored.
	 */
	private static List<Map<String, Object>> onCall(String suffix) {
		return new ArrayList<>(List.of(
				document("User", "ana-" + suffix,
						Map.of("displayName", "Ana", "email", "ana@example.com", "timeZone", "Europe/Berlin")),
				document("User", "ben-" + suffix,
						Map.of("displayName", "Ben", "email", "ben@example.com", "timeZone", "Europe/Berlin")),
				document("Team", "ops-" + suffix,
						Map.of("title", "Ops", "kind", "stream", "members",
								List.of(Map.of("user", "ana-" + suffix, "role", "member")))),
				document("Service", "api-" + suffix, Map.of("title", "API", "owner", "ops-" + suffix, "tier", 2,
						"escalationPolicy", "paging-" + suffix)),
				schedule(suffix, "P1W"), policy(suffix, Map.of())));
	}

	private static Map<String, Object> schedule(String suffix, String turnLength) {
		return document("Schedule", "rota-" + suffix,
				Map.of("title", "Rota", "team", "ops-" + suffix, "timeZone", "Europe/Berlin", "layers",
						List.of(Map.of("start", "2027-01-04T09:00:00+01:00", "turnLength", turnLength, "users",
								List.of("ana-" + suffix, "ben-" + suffix), "restrictions",
								List.of(Map.of("type", "daily", "startTimeOfDay", "09:00", "duration", "PT8H"))))));
	}

	private static Map<String, Object> policy(String suffix, Map<String, Object> extra) {
		Map<String, Object> spec = new HashMap<>(Map.of("team", "ops-" + suffix, "levels", List.of(
				Map.of("delay", "PT300S", "targets", List.of(Map.of("type", "schedule", "name", "rota-" + suffix))),
				Map.of("delay", "PT15M", "targets", List.of(Map.of("type", "user", "name", "ben-" + suffix))))));
		spec.putAll(extra);
		return document("EscalationPolicy", "paging-" + suffix, spec);
	}

	private String token(String user) {
		return created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "ci", "scopes", List.of("write"))))
			.json()
			.path("token")
			.asString();
	}

	@Test
	void createsSchedulesAndPoliciesThenChangesNothingOnTheSecondApply() {
		String suffix = unique("o").substring(2);
		JsonNode first = ok(apply(onCall(suffix), Map.of())).json();
		assertThat(first.path("plan").findValuesAsString("action")).containsOnly("create").hasSize(6);
		assertThat(first.path("plan").findValuesAsString("kind")).endsWith("Service", "Schedule", "EscalationPolicy");
		JsonNode schedule = ok(this.api.get("/api/v1/schedules/rota-" + suffix)).json();
		assertThat(schedule.path("layers").get(0).path("rotationVirtualStart").asString())
			.isEqualTo("2027-01-04T08:00:00Z");
		JsonNode policy = ok(this.api.get("/api/v1/escalation-policies/paging-" + suffix)).json();
		assertThat(policy.path("levels").get(0).path("delay").asString()).isEqualTo("PT5M");
		assertThat(policy.path("services").get(0).asString()).isEqualTo("api-" + suffix);
		int auditBefore = this.api.get("/api/v1/audit?target=rota-" + suffix).json().path("items").size();

		JsonNode second = ok(apply(onCall(suffix), Map.of())).json();
		assertThat(second.path("plan").findValuesAsString("action")).containsOnly("unchanged");
		assertThat(this.api.get("/api/v1/audit?target=rota-" + suffix).json().path("items")).hasSize(auditBefore);
	}

	@Test
	void plansUpdatesOfSchedulesPoliciesAndAServicesPolicy() {
		String suffix = unique("p").substring(2);
		ok(apply(onCall(suffix), Map.of()));
		List<Map<String, Object>> changed = onCall(suffix);
		changed.set(3,
				document("Service", "api-" + suffix, Map.of("title", "API", "owner", "ops-" + suffix, "tier", 2)));
		changed.set(4, schedule(suffix, "P2W"));
		changed.set(5, policy(suffix, Map.of("repeat", 2)));
		JsonNode plan = ok(apply(changed, Map.of())).json().path("plan");
		assertThat(plan.get(3).path("changes").get(0).asString()).isEqualTo("escalationPolicy");
		assertThat(plan.get(4).path("action").asString()).isEqualTo("update");
		assertThat(plan.get(4).path("changes").get(0).asString()).isEqualTo("layers");
		assertThat(plan.get(5).path("changes").get(0).asString()).isEqualTo("repeat");
		assertThat(this.api.get("/api/v1/services/api-" + suffix + "/escalation-policy").json().path("policy").isNull())
			.isTrue();
		assertThat(this.api.get("/api/v1/escalation-policies/paging-" + suffix).json().path("repeat").asInt())
			.isEqualTo(2);
	}

	@Test
	void badSpecsAreRefusedNamingTheFieldAndNothingIsStored() {
		String suffix = unique("q").substring(2);
		List<Map<String, Object>> documents = onCall(suffix);
		documents.set(4, schedule(suffix, "soon"));
		problem(apply(documents, Map.of()), 400, "documents[4].spec.layers[0].turnLength");

		documents = onCall(suffix);
		documents.set(5, policy(suffix, Map.of("levels", List
			.of(Map.of("delay", "PT1S", "targets", List.of(Map.of("type", "user", "name", "ana-" + suffix)))))));
		problem(apply(documents, Map.of()), 400, "documents[5].spec.levels[0].delay");

		documents = onCall(suffix);
		documents
			.set(4, document("Schedule", "rota-" + suffix, Map.of("team", "ops-" + suffix, "timeZone", "UTC", "layers",
					List.of(Map.of("start", "yesterday", "turnLength", "P1D", "users", List.of("ana-" + suffix))))));
		problem(apply(documents, Map.of()), 400, "documents[4].spec.layers[0].start");

		documents = onCall(suffix);
		documents.set(3, document("Service", "api-" + suffix,
				Map.of("title", "API", "owner", "ops-" + suffix, "tier", 2, "escalationPolicy", "no-such")));
		problem(apply(documents, Map.of()), 400, "documents[3].spec.escalationPolicy");

		problem(this.api.get("/api/v1/teams/ops-" + suffix), 404, null);
		problem(this.api.get("/api/v1/schedules/rota-" + suffix), 404, null);
	}

	@Test
	void dryRunPlansButStoresNothing() {
		String suffix = unique("r").substring(2);
		JsonNode reply = ok(apply(onCall(suffix), Map.of("dryRun", true))).json();
		assertThat(reply.path("summary").path("create").asInt()).isEqualTo(6);
		problem(this.api.get("/api/v1/schedules/rota-" + suffix), 404, null);
		problem(this.api.get("/api/v1/escalation-policies/paging-" + suffix), 404, null);
	}

	@Test
	void membersApplyTheirTeamsOnCallAndOthersAreRefused() {
		String suffix = unique("s").substring(2);
		ok(apply(onCall(suffix), Map.of()));
		String outsider = token(user());
		String member = token("ana-" + suffix);

		List<Map<String, Object>> changed = onCall(suffix);
		changed.set(4, schedule(suffix, "P2W"));
		Reply refused = this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", changed));
		problem(refused, 403, null);
		assertThat(refused.json().path("detail").asString()).startsWith("documents[4]");
		List<Map<String, Object>> unassigned = onCall(suffix);
		unassigned.set(3,
				document("Service", "api-" + suffix, Map.of("title", "API", "owner", "ops-" + suffix, "tier", 2)));
		problem(this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", unassigned)), 403, null);
		String otherTeam = team();
		problem(this.api.withToken(outsider)
			.post("/api/v1/apply", Map.of("documents", List.of(document("Schedule", unique("rota"),
					Map.of("team", otherTeam, "timeZone", "UTC", "layers", List.of(Map.of("start",
							"2027-01-04T00:00:00Z", "turnLength", "P1D", "users", List.of("ana-" + suffix)))))))),
				403, null);
		assertThat(this.api.get("/api/v1/schedules/rota-" + suffix)
			.json()
			.path("layers")
			.get(0)
			.path("turnLength")
			.asString()).isEqualTo("P1W");

		ok(this.api.withToken(member).post("/api/v1/apply", Map.of("documents", changed)));
		assertThat(this.api.get("/api/v1/schedules/rota-" + suffix)
			.json()
			.path("layers")
			.get(0)
			.path("turnLength")
			.asString()).isEqualTo("P2W");
	}

	@Test
	void theTeamThatAcceptedIncidentResponseSetsTheServicesPolicy() {
		String suffix = unique("t").substring(2);
		ok(apply(onCall(suffix), Map.of()));
		String responder = user();
		String responders = team("stream", List.of(Map.of("user", responder, "role", "member")));
		String incidents = "/api/v1/services/api-" + suffix + "/responsibilities/incident-response";
		ok(this.api.put(incidents, Map.of("handledBy", responders)));
		ok(this.api.post(incidents + "/accept", null));

		List<Map<String, Object>> documents = onCall(suffix);
		documents.set(3, document("Service", "api-" + suffix, Map.of("title", "API", "owner", "ops-" + suffix, "tier",
				2, "delegations", Map.of("incident-response", responders))));
		JsonNode plan = ok(this.api.withToken(token(responder)).post("/api/v1/apply", Map.of("documents", documents)))
			.json()
			.path("plan");
		assertThat(plan.get(3).path("changes").get(0).asString()).isEqualTo("escalationPolicy");
		assertThat(this.api.get("/api/v1/services/api-" + suffix + "/escalation-policy").json().path("policy").isNull())
			.isTrue();
	}

}
