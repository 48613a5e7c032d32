package dev.steward.oncall.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	@Test
	void aServiceResolvesEveryLevelOfItsPolicyToUsersAtAnInstant() {
		String ana = user();
		String ben = user();
		String lead = user();
		String team = team();
		String schedule = schedule(team, "2027-01-01T00:00:00Z", null, List.of(ana, ben));
		String policy = unique("policy");
		JsonNode created = created(this.api
			.post("/api/v1/escalation-policies", Map.of("name", policy, "team", team, "repeat", 2, "levels", List
				.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "schedule", "name", schedule))), Map.of(
						"delay", "PT15M", "targets",
						List.of(Map.of("type", "user", "name", lead), Map.of("type", "schedule", "name", schedule)))))))
			.json();
		assertThat(created.path("repeat").asInt()).isEqualTo(2);
		String service = service(team, 1);
		ok(this.api.put("/api/v1/services/" + service + "/escalation-policy", Map.of("policy", policy)));
		assertThat(
				ok(this.api.get("/api/v1/services/" + service + "/escalation-policy")).json().path("policy").asString())
			.isEqualTo(policy);

		JsonNode onCall = ok(this.api.get("/api/v1/services/" + service + "/oncall?at=2027-01-02T12:00:00Z")).json();
		assertThat(onCall.path("levels")).hasSize(2);
		assertThat(onCall.path("levels").get(0).path("level").asInt()).isEqualTo(1);
		assertThat(onCall.path("levels").get(0).path("users").valueStream().map(JsonNode::asString))
			.containsExactly(ben);
		assertThat(onCall.path("levels").get(1).path("users").valueStream().map(JsonNode::asString))
			.containsExactly(lead, ben);
		assertThat(ok(this.api.get("/api/v1/oncall?at=2027-01-02T12:00:00Z")).json()
			.path("items")
			.findValuesAsString("service")).contains(service);

		problem(this.api.delete("/api/v1/escalation-policies/" + policy), 409, null);
		problem(this.api.delete("/api/v1/schedules/" + schedule), 409, null);
		assertThat(this.api.delete("/api/v1/services/" + service + "/escalation-policy").status()).isEqualTo(204);
		assertThat(ok(this.api.get("/api/v1/services/" + service + "/oncall")).json().path("levels")).isEmpty();
		assertThat(this.api.delete("/api/v1/escalation-policies/" + policy).status()).isEqualTo(204);
		assertThat(this.api.delete("/api/v1/schedules/" + schedule).status()).isEqualTo(204);
	}

	@Test
	void aPolicyWhoseLevelReachesNobodySomewhereIsFlagged() {
		String ana = user();
		String team = team();
		Instant now = this.clock.instant();
		String ending = schedule(team, now.minus(Duration.ofDays(1)).toString(),
				now.plus(Duration.ofDays(2)).toString(), List.of(ana));
		String always = schedule(team, now.minus(Duration.ofDays(1)).toString(), null, List.of(ana));
		JsonNode flagged = created(this.api.post("/api/v1/escalation-policies", policy(team, ending))).json();
		assertThat(flagged.path("flagged").asBoolean()).isTrue();
		assertThat(flagged.path("uncovered").get(0).path("level").asInt()).isEqualTo(1);
		JsonNode covered = created(this.api.post("/api/v1/escalation-policies", policy(team, always))).json();
		assertThat(covered.path("flagged").asBoolean()).isFalse();
	}

	@Test
	void badPoliciesAreRefusedAndNothingIsStored() {
		String team = team();
		String ana = user();
		refused(Map.of("team", team, "levels", List.of()), "levels");
		refused(Map.of("team", team), "levels");
		refused(Map.of("team", team, "levels",
				List.of(Map.of("delay", "PT5S", "targets", List.of(Map.of("type", "user", "name", ana))))),
				"levels[0].delay");
		refused(Map.of("team", team, "levels", List.of(Map.of("delay", "PT5M", "targets", List.of()))),
				"levels[0].targets");
		refused(Map.of("team", team, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "robot", "name", ana))))),
				"levels[0].targets[0].type");
		refused(Map.of("team", team, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "schedule", "name", "no-such"))))),
				"levels");
		refused(Map.of("team", team, "repeat", -1, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "user", "name", ana))))), "repeat");
		String service = service(team, 2);
		problem(this.api.put("/api/v1/services/" + service + "/escalation-policy", Map.of("policy", "no-such")), 400,
				"policy");
		assertThat(ok(this.api.get("/api/v1/escalation-policies?team=" + team)).json().path("items")).isEmpty();
	}

	private void refused(Map<String, Object> body, String field) {
		Map<String, Object> named = new java.util.HashMap<>(body);
		named.put("name", unique("bad"));
		problem(this.api.post("/api/v1/escalation-policies", named), 400, field);
	}

	private Map<String, Object> policy(String team, String schedule) {
		return Map.of("name", unique("policy"), "team", team, "levels",
				List.of(Map.of("delay", "PT10M", "targets", List.of(Map.of("type", "schedule", "name", schedule)))));
	}

	private String schedule(String team, String start, String end, List<String> users) {
		String name = unique("sched");
		Map<String, Object> layer = new java.util.HashMap<>(
				Map.of("start", start, "turnLength", "P1D", "users", users));
		if (end != null) {
			layer.put("end", end);
		}
		created(this.api.post("/api/v1/schedules",
				Map.of("name", name, "team", team, "timeZone", "UTC", "layers", List.of(layer))));
		return name;
	}

}
