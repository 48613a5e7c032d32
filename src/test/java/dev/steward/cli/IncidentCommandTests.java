package dev.steward.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code steward incident list|show|ack|resolve} against the running server. */
class IncidentCommandTests extends CommandAgainstServerTest {

	private String ana;

	private String service;

	private long disk;

	private long certificate;

	/**
	 * A tier-1 service of ana's team with two incidents: a critical one (high urgency)
	 * and, newer, an informational one (low urgency).
	 */
	@BeforeEach
	void incidents() {
		this.ana = user();
		this.service = service(team("stream", List.of(Map.of("user", this.ana, "role", "member"))), 1);
		this.disk = open("Disk full on db-1", "critical", Map.of("free", "0 B"));
		this.certificate = open("Certificate expires in 20 days", "info", Map.of());
	}

	private long open(String title, String severity, Map<String, Object> details) {
		return created(this.api.post("/api/v1/incidents",
				Map.of("service", this.service, "title", title, "severity", severity, "details", details)))
			.json()
			.path("number")
			.asLong();
	}

	@Test
	void listPrintsATableNewestFirstFilteredAndPaged() {
		List<String> lines = steward("incident", "list", "--service", this.service, "--zone", "UTC").out()
			.lines()
			.toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).matches("NUMBER +STATUS +URGENCY +SEVERITY +SERVICE +CREATED \\(UTC\\) +TITLE");
		assertThat(lines.get(1)).matches("#" + this.certificate + " +triggered +low +info +" + this.service
				+ " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\+00:00 +Certificate expires in 20 days");
		assertThat(lines.get(2)).startsWith("#" + this.disk + " ").contains("high", "critical", "Disk full on db-1");

		assertThat(steward("incident", "list", "--service", this.service, "--urgency", "high").out())
			.contains("#" + this.disk + " ")
			.doesNotContain("#" + this.certificate + " ");
		assertThat(steward("incident", "list", "--service", this.service, "--status", "resolved").out())
			.isEqualTo("No incidents\n");

		String first = steward("incident", "list", "--service", this.service, "--limit", "1").out();
		assertThat(first).contains("#" + this.certificate + " ").containsPattern("More: --cursor \\S+\\n$");
		String cursor = first.substring(first.indexOf("--cursor ") + "--cursor ".length()).strip();
		assertThat(steward("incident", "list", "--service", this.service, "--limit", "1", "--cursor", cursor).out())
			.contains("#" + this.disk + " ")
			.doesNotContain("More:");
	}

	@Test
	void showPrintsTheIncidentAndItsTimeline() {
		created(this.api.post("/api/v1/incidents/" + this.disk + "/notes", Map.of("text", "Rotating the logs")));
		String out = steward("incident", "show", Long.toString(this.disk), "--zone", "UTC").out();
		assertThat(out).startsWith("#" + this.disk + " Disk full on db-1\n")
			.containsPattern("Service: +" + this.service + "\n")
			.containsPattern("Status: +triggered\n")
			.containsPattern("Urgency: +high\n")
			.containsPattern("Escalation: +no escalation policy: nobody is paged\n")
			.containsPattern("Assignees: +nobody\n")
			.containsPattern("Acknowledge by: +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\+00:00\n")
			.containsPattern("\nDetails:\n  free: +0 B\n")
			.containsPattern("\nTIME \\(UTC\\) +TYPE +ACTOR +MESSAGE\n")
			.containsPattern("triggered +token:bootstrap +Disk full on db-1\n")
			.containsPattern("note +token:bootstrap +Rotating the logs\n");

		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(steward("incident", "show", Long.toString(this.disk), "--output", "json").out());
		assertThat(json.path("number").asLong()).isEqualTo(this.disk);
		assertThat(json.path("timeline").findValuesAsString("type")).containsExactly("triggered", "unassigned", "note");
	}

	@Test
	void aTeamMemberAcknowledgesAndResolves() {
		String token = writeToken(this.ana);
		CommandOutput acknowledged = stewardAs(token, "incident", "ack", Long.toString(this.disk));
		assertThat(acknowledged.exitCode()).as(acknowledged.err()).isZero();
		assertThat(acknowledged.out()).isEqualTo("#" + this.disk + " Disk full on db-1 is acknowledged\n");
		assertThat(steward("incident", "show", Long.toString(this.disk), "--zone", "UTC").out()).containsPattern(
				"Status: +acknowledged by " + this.ana + " at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\+00:00\n");

		CommandOutput again = stewardAs(token, "incident", "acknowledge", Long.toString(this.disk));
		assertThat(again.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(again.err()).isEqualTo(
				"error: Incident #" + this.disk + " is acknowledged; only a triggered incident can be acknowledged\n");

		assertThat(stewardAs(token, "incident", "resolve", Long.toString(this.disk)).out())
			.isEqualTo("#" + this.disk + " Disk full on db-1 is resolved\n");
		assertThat(ok(this.api.get("/api/v1/incidents/" + this.disk)).json().path("resolvedBy").asString())
			.isEqualTo(this.ana);
	}

	@Test
	void refusalsPrintTheProblemAndExitPerExitCodes() {
		CommandOutput outsider = stewardAs(writeToken(user()), "incident", "ack", Long.toString(this.disk));
		assertThat(outsider.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(outsider.err()).startsWith("error: Only members of the team that owns");
		assertThat(ok(this.api.get("/api/v1/incidents/" + this.disk)).json().path("status").asString())
			.isEqualTo("triggered");

		CommandOutput missing = stewardAs(ADMIN_TOKEN, "incident", "show", "999999999");
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(missing.err()).startsWith("error: ");

		CommandOutput badLimit = stewardAs(ADMIN_TOKEN, "incident", "list", "--limit", "0");
		assertThat(badLimit.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(badLimit.err())
			.isEqualTo("error: limit: must be between 1 and 500\n  limit: must be between 1 and 500\n");

		CommandOutput badStatus = stewardAs(ADMIN_TOKEN, "incident", "list", "--status", "open");
		assertThat(badStatus.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(badStatus.err()).contains("TRIGGERED, ACKNOWLEDGED, RESOLVED");
	}

}
