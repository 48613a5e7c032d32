package dev.steward.cli;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code steward event trigger|acknowledge|resolve} against the running server. */
class EventCommandTests extends CommandAgainstServerTest {

	private String service;

	private String key;

	@BeforeEach
	void serviceWithIntegrationKey() {
		this.service = service(team(), 1);
		this.key = created(this.api.post("/api/v1/services/" + this.service + "/integration-keys", Map.of())).json()
			.path("key")
			.asString();
	}

	/**
	 * Runs {@code steward event …} with the service's integration key and no API token.
	 */
	private CommandOutput event(String... args) {
		String[] withKey = new String[args.length + 2];
		System.arraycopy(args, 0, withKey, 0, args.length);
		withKey[args.length] = "--routing-key";
		withKey[args.length + 1] = this.key;
		return stewardAs("", withKey);
	}

	@Test
	void triggerOpensAnIncidentThatFurtherTriggersFoldIntoAndResolveCloses() {
		CommandOutput opened = event("event", "trigger", "--dedup-key", "disk-full-db-1", "--summary",
				"Disk full on db-1", "--severity", "critical", "--source", "db-1", "--detail", "free=0 B", "--detail",
				"mount=/var");
		assertThat(opened.exitCode()).as(opened.err()).isZero();
		assertThat(opened.out()).matches("Incident #\\d+, dedup key disk-full-db-1\\n");
		long number = Long.parseLong(opened.out().replaceAll("\\D+(\\d+),.*\\s*", "$1"));
		JsonNode incident = ok(this.api.get("/api/v1/incidents/" + number)).json();
		assertThat(incident.path("service").asString()).isEqualTo(this.service);
		assertThat(incident.path("title").asString()).isEqualTo("Disk full on db-1");
		assertThat(incident.path("severity").asString()).isEqualTo("critical");
		assertThat(incident.path("source").asString()).isEqualTo("db-1");
		assertThat(incident.path("details").path("free").asString()).isEqualTo("0 B");
		assertThat(incident.path("details").path("mount").asString()).isEqualTo("/var");

		assertThat(event("event", "trigger", "--dedup-key", "disk-full-db-1", "--summary", "Still full", "--severity",
				"ERROR")
			.out()).isEqualTo("Incident #" + number + ", dedup key disk-full-db-1\n");
		assertThat(ok(this.api.get("/api/v1/incidents/" + number)).json().path("alertCount").asInt()).isEqualTo(2);

		assertThat(event("event", "acknowledge", "--dedup-key", "disk-full-db-1").out())
			.isEqualTo("Incident #" + number + ", dedup key disk-full-db-1\n");
		assertThat(event("event", "resolve", "--dedup-key", "disk-full-db-1").out())
			.isEqualTo("Incident #" + number + ", dedup key disk-full-db-1\n");
		assertThat(ok(this.api.get("/api/v1/incidents/" + number)).json().path("status").asString())
			.isEqualTo("resolved");
		assertThat(event("event", "resolve", "--dedup-key", "disk-full-db-1").out())
			.isEqualTo("No open incident has dedup key disk-full-db-1; nothing to resolve\n");
	}

	@Test
	void aTriggerWithoutADedupKeyGetsOneAndJsonOutputIsTheDoorsAnswer() {
		CommandOutput opened = event("event", "trigger", "--summary", "Queue backlog", "--severity", "warning",
				"--output", "json");
		assertThat(opened.exitCode()).as(opened.err()).isZero();
		JsonNode answer = JsonMapper.builder().build().readTree(opened.out());
		assertThat(answer.path("status").asString()).isEqualTo("success");
		assertThat(answer.path("dedupKey").asString()).isNotBlank();
		JsonNode incident = ok(this.api.get("/api/v1/incidents/" + answer.path("incident").asLong())).json();
		assertThat(incident.path("dedupKey").asString()).isEqualTo(answer.path("dedupKey").asString());
		assertThat(incident.path("urgency").asString()).isEqualTo("low");
	}

	@Test
	void refusalsPrintTheProblemAndUsageErrorsExitWithUsage() {
		CommandOutput unknownKey = stewardAs("", "event", "trigger", "--routing-key", "not-a-key", "--summary", "x",
				"--severity", "info");
		assertThat(unknownKey.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(unknownKey.err()).isEqualTo(
				"error: routingKey: is not an active integration key\n  routingKey: is not an active integration key\n");

		CommandOutput noSummary = event("event", "trigger", "--severity", "info");
		assertThat(noSummary.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noSummary.err()).contains("Missing required option: '--summary=<summary>'");

		CommandOutput badSeverity = event("event", "trigger", "--summary", "x", "--severity", "fatal");
		assertThat(badSeverity.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(badSeverity.err()).contains("CRITICAL, ERROR, WARNING, INFO");

		CommandOutput noDedupKey = event("event", "acknowledge");
		assertThat(noDedupKey.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noDedupKey.err()).contains("--dedup-key");

		CommandOutput noRoutingKey = stewardAs("", "event", "resolve", "--dedup-key", "x");
		assertThat(noRoutingKey.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noRoutingKey.err())
			.startsWith("Missing the integration key: give --routing-key or set STEWARD_ROUTING_KEY");
	}

}
