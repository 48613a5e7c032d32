package dev.steward.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code steward oncall who|shifts|override} against the running server. */
class OnCallCommandTests extends CommandAgainstServerTest {

	private String ana;

	private String ben;

	private String lead;

	private String team;

	private String rota;

	private String gappy;

	private String service;

	/**
	 * A daily rota of ana and ben from 2027-01-01 (UTC), a schedule that ends on
	 * 2027-01-02, and a service whose policy pages the rota, then the lead and the ended
	 * schedule.
	 */
	@BeforeEach
	void onCall() {
		this.ana = user();
		this.ben = user();
		this.lead = user();
		this.team = team("stream", List.of(Map.of("user", this.ana, "role", "member")));
		this.rota = schedule("2027-01-01T00:00:00Z", null, List.of(this.ana, this.ben));
		this.gappy = schedule("2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z", List.of(this.lead));
		String policy = unique("policy");
		created(this.api.post("/api/v1/escalation-policies", Map.of("name", policy, "team", this.team, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "schedule", "name", this.rota))),
						Map.of("delay", "PT15M", "targets", List.of(Map.of("type", "user", "name", this.lead),
								Map.of("type", "schedule", "name", this.gappy)))))));
		this.service = service(this.team, 2);
		ok(this.api.put("/api/v1/services/" + this.service + "/escalation-policy", Map.of("policy", policy)));
	}

	private String schedule(String start, String end, List<String> users) {
		String name = unique("sched");
		Map<String, Object> layer = new HashMap<>(Map.of("start", start, "turnLength", "P1D", "users", users));
		if (end != null) {
			layer.put("end", end);
		}
		created(this.api.post("/api/v1/schedules",
				Map.of("name", name, "team", this.team, "timeZone", "UTC", "layers", List.of(layer))));
		return name;
	}

	@Test
	void whoPrintsEachLevelsUsersAndMarksTargetsThatReachNobody() {
		String out = steward("oncall", "who", "--service", this.service, "--at", "2027-01-02T13:00:00+01:00", "--zone",
				"UTC")
			.out();
		assertThat(out).contains("at 2027-01-02 12:00 +00:00")
			.contains("level 1, escalates after PT5M: " + this.ben + "\n")
			.contains("level 2, escalates after PT15M: " + this.lead + "\n  ! schedule " + this.gappy
					+ " has nobody on call");

		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(steward("oncall", "who", "--service", this.service, "--at", "2027-01-03T12:00:00Z", "--output",
					"json")
				.out());
		assertThat(json.path("levels").get(0).path("users").get(0).asString()).isEqualTo(this.ana);

		assertThat(steward("oncall", "who", "--service", service(this.team, 3)).out())
			.contains("names no escalation policy: nobody is paged");
	}

	@Test
	void shiftsPrintsATableInTheChosenZone() {
		String out = steward("oncall", "shifts", "--user", this.ana, "--since", "2027-01-01T00:00:00Z", "--until",
				"2027-01-05T00:00:00Z", "--zone", "Europe/Berlin")
			.out();
		assertThat(out.lines()).hasSize(3);
		assertThat(out.lines().findFirst().orElseThrow()).startsWith("SCHEDULE").contains("START (Europe/Berlin)");
		assertThat(out).contains(this.rota + "  2027-01-01 01:00 +01:00  2027-01-02 01:00 +01:00")
			.contains(this.rota + "  2027-01-03 01:00 +01:00  2027-01-04 01:00 +01:00");
		assertThat(steward("oncall", "shifts", "--user", this.lead, "--since", "2027-02-01T00:00:00Z").out())
			.contains(this.lead + " has no shifts in this range");
	}

	@Test
	void overridePrintsTheCreatedOverride() {
		String cover = user();
		String out = steward("oncall", "override", "--schedule", this.rota, "--user", cover, "--start",
				"2027-01-02T10:00:00Z", "--end", "2027-01-02T13:00:00+01:00", "--zone", "UTC")
			.out();
		assertThat(out).matches("Override \\d+ in " + this.rota + ": " + cover
				+ " is on call from 2027-01-02 10:00 \\+00:00 to 2027-01-02 12:00 \\+00:00\\n");
		assertThat(ok(this.api
			.get("/api/v1/schedules/" + this.rota + "/overrides?since=2027-01-02T00:00:00Z&until=2027-01-03T00:00:00Z"))
			.json()
			.path("items")
			.findValuesAsString("user")).containsExactly(cover);
		assertThat(steward("oncall", "who", "--service", this.service, "--at", "2027-01-02T11:00:00Z").out())
			.contains("level 1, escalates after PT5M: " + cover + "\n");
	}

	@Test
	void serverRefusalsPrintTheProblemAndExitPerExitCodes() {
		CommandOutput invalid = stewardAs(ADMIN_TOKEN, "oncall", "override", "--schedule", this.rota, "--user",
				this.ana, "--start", "2027-01-02T10:00:00Z", "--end", "2027-01-02T09:00:00Z");
		assertThat(invalid.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(invalid.err()).startsWith("error: end: must be after start\n  end: must be after start");

		CommandOutput missing = stewardAs(ADMIN_TOKEN, "oncall", "who", "--service", unique("nothing"));
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(missing.err()).startsWith("error: ");

		CommandOutput refused = stewardAs(writeToken(user()), "oncall", "override", "--schedule", this.rota, "--user",
				this.ana, "--start", "2027-01-02T10:00:00Z", "--end", "2027-01-02T12:00:00Z");
		assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(refused.err()).startsWith("error: Only members");
		assertThat(stewardAs(writeToken(this.ana), "oncall", "override", "--schedule", this.rota, "--user", this.ana,
				"--start", "2027-01-02T10:00:00Z", "--end", "2027-01-02T12:00:00Z")
			.exitCode()).isZero();

		CommandOutput badTime = stewardAs(ADMIN_TOKEN, "oncall", "who", "--service", this.service, "--at", "tomorrow");
		assertThat(badTime.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(badTime.err()).contains("'tomorrow' is not an RFC 3339 time");
	}

}
