package dev.steward.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code steward deploy} against the running server, as a pipeline runs it: with a token
 * scoped {@code read} and {@code deploy:<service>} of a member of the owning team.
 */
class DeployCommandTests extends CommandAgainstServerTest {

	private static final Pattern ID = Pattern.compile("^Deployment (\\d+) of ");

	private String service;

	private String environment;

	private String pipeline;

	/**
	 * A service of ana's team, an environment of its own (no other test's window applies)
	 * and ana's pipeline token.
	 */
	@BeforeEach
	void pipeline() {
		String ana = user();
		this.service = service(team("stream", List.of(Map.of("user", ana, "role", "member"))), 2);
		this.environment = environment("production", false);
		this.pipeline = created(this.api.post("/api/v1/users/" + ana + "/tokens",
				Map.of("name", "pipeline", "scopes", List.of("read", "deploy:" + this.service))))
			.json()
			.path("token")
			.asString();
	}

	private CommandOutput deploy(String... args) {
		CommandOutput result = stewardAs(this.pipeline, args);
		assertThat(result.exitCode()).as(result.err()).isZero();
		return result;
	}

	private static String id(CommandOutput started) {
		Matcher matcher = ID.matcher(started.out());
		assertThat(matcher.find()).as(started.out()).isTrue();
		return matcher.group(1);
	}

	@Test
	void aPipelineDeploysVerifiesAndRollsBack() {
		CommandOutput started = deploy("deploy", "start", "--service", this.service, "--environment", this.environment,
				"--version", "1.0.0", "--commit", "a1b2c3d", "--commit-time", "2027-01-04T09:00:00Z", "--strategy",
				"rolling", "--node", "web-1", "--node", "web-2", "--zone", "UTC");
		String first = id(started);
		assertThat(started.out())
			.startsWith("Deployment " + first + " of " + this.service + " 1.0.0 to " + this.environment
					+ ": in-progress\nOpen: " + this.service + " may deploy to " + this.environment)
			.contains("\n  no deployment window applies\n")
			.endsWith("Rollback target: none (no earlier version succeeded here)\nNodes: web-1, web-2\n");

		assertThat(deploy("deploy", "node", "--id", first, "--node", "web-1", "--status", "updating").out())
			.isEqualTo("Deployment " + first + " of " + this.service + " 1.0.0 to " + this.environment
					+ ": in-progress\nNode web-1 updating; 0 of 2 node(s) updated\n");
		CommandOutput tooMany = stewardAs(this.pipeline, "deploy", "node", "--id", first, "--node", "web-2", "--status",
				"updating");
		assertThat(tooMany.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(tooMany.err()).startsWith("error: Deployment " + first + " already has 1 node(s) updating");
		deploy("deploy", "node", "--id", first, "--node", "web-1", "--status", "updated");
		deploy("deploy", "node", "--id", first, "--node", "web-2", "--status", "updating");
		assertThat(deploy("deploy", "node", "--id", first, "--node", "web-2", "--status", "UPDATED").out())
			.contains(": verifying\nNode web-2 updated; 2 of 2 node(s) updated\n");
		assertThat(deploy("deploy", "verify", "--id", first, "--passed", "--check", "smoke=passed", "--check",
				"latency=passed:p99 120 ms")
			.out()).isEqualTo(
					"Deployment " + first + " of " + this.service + " 1.0.0 to " + this.environment + ": succeeded\n");

		String shown = deploy("deploy", "show", "--id", first, "--zone", "UTC").out();
		assertThat(shown)
			.startsWith(
					"Deployment " + first + " of " + this.service + " 1.0.0 to " + this.environment + ": succeeded\n")
			.containsPattern("Strategy: +rolling, at most 1 node\\(s\\) unavailable at once\n")
			.containsPattern("Commit: +a1b2c3d of 2027-01-04 09:00 \\+00:00\n")
			.containsPattern("Finished: +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\+00:00\n")
			.contains("Gate when requested:\n  Open: ")
			.containsPattern("\nNODE +STATUS +UPDATED \\(UTC\\)\nweb-1 +updated +\\d{4}")
			.containsPattern("\nCHECK +RESULT +DETAIL\nsmoke +passed\nlatency +passed +p99 120 ms\n")
			.containsPattern("\nTIME \\(UTC\\) +STATUS +ACTOR +DETAIL\n")
			.containsPattern("succeeded +\\S+ +Verification passed\n");

		CommandOutput second = deploy("deploy", "start", "--service", this.service, "--environment", this.environment,
				"--version", "1.1.0", "--node", "web-1", "--node", "web-2", "--output", "json");
		JsonNode json = JsonMapper.builder().build().readTree(second.out());
		assertThat(json.path("status").asString()).isEqualTo("in-progress");
		assertThat(json.path("rollbackTarget").asString()).isEqualTo("1.0.0");
		assertThat(json.path("gate").path("open").asBoolean()).isTrue();
		String next = Long.toString(json.path("id").asLong());

		deploy("deploy", "node", "--id", next, "--node", "web-1", "--status", "updating");
		deploy("deploy", "node", "--id", next, "--node", "web-1", "--status", "updated");
		assertThat(deploy("deploy", "verify", "--id", next, "--failed", "--check", "smoke=passed", "--check",
				"error-rate=failed:5xx at 4 %")
			.out()).endsWith(": failed\nVerification failed: error-rate\n");
		assertThat(deploy("deploy", "rollback", "--id", next, "--reason", "Error rate too high").out())
			.isEqualTo("Deployment " + next + " of " + this.service + " 1.1.0 to " + this.environment
					+ ": rolling-back\nDeploy 1.0.0 again, then run: steward deploy rolled-back --id " + next + "\n");
		assertThat(deploy("deploy", "rolled-back", "--id", next).out()).endsWith(": rolled-back\n");

		JsonNode checks = ok(this.api.get("/api/v1/deployments/" + next)).json().path("checks");
		assertThat(checks.get(1).path("name").asString()).isEqualTo("error-rate");
		assertThat(checks.get(1).path("passed").asBoolean()).isFalse();
		assertThat(checks.get(1).path("detail").asString()).isEqualTo("5xx at 4 %");

		List<String> listed = deploy("deploy", "list", "--service", this.service, "--zone", "UTC").out()
			.lines()
			.toList();
		assertThat(listed).hasSize(3);
		assertThat(listed.get(0)).matches("ID +STATUS +SERVICE +ENVIRONMENT +VERSION +REQUESTED \\(UTC\\) +BY");
		assertThat(listed.get(1)).startsWith(next + " ").contains("rolled-back", "1.1.0");
		assertThat(listed.get(2)).startsWith(first + " ").contains("succeeded", "1.0.0");
		assertThat(deploy("deploy", "list", "--service", this.service, "--status", "rolled-back").out())
			.doesNotContain("succeeded");
	}

	@Test
	void aClosedGateBlocksTheDeploymentWithExitThreeUnlessItIsAnEmergency() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		Instant end = now.plus(2, ChronoUnit.HOURS);
		String freeze = window(this.service, this.environment, "deny", now.minus(1, ChronoUnit.HOURS), end,
				"Quarter-end freeze");

		CommandOutput blocked = stewardAs(this.pipeline, "deploy", "start", "--service", this.service, "--environment",
				this.environment, "--version", "2.0.0", "--zone", "UTC");
		assertThat(blocked.exitCode()).as(blocked.err()).isEqualTo(ExitCodes.REFUSED);
		assertThat(blocked.out())
			.startsWith("Deployment " + id(blocked) + " of " + this.service + " 2.0.0 to " + this.environment
					+ ": blocked\nClosed: ")
			.contains("  closes: deny window '" + freeze + "' (service:" + this.service + "), active until " + utc(end)
					+ ": Quarter-end freeze\nOpens at " + utc(end) + "\n")
			.endsWith("Not started: deploy when the gate opens, or pass it with --emergency JUSTIFICATION\n");

		CommandOutput blockedJson = stewardAs(this.pipeline, "deploy", "start", "--service", this.service,
				"--environment", this.environment, "--version", "2.0.0", "--output", "json");
		assertThat(blockedJson.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(JsonMapper.builder().build().readTree(blockedJson.out()).path("status").asString())
			.isEqualTo("blocked");

		long incident = created(this.api.post("/api/v1/incidents", Map.of("service", this.service, "title",
				"Checkout fails", "severity", "critical", "details", Map.of())))
			.json()
			.path("number")
			.asLong();
		CommandOutput emergency = deploy("deploy", "start", "--service", this.service, "--environment",
				this.environment, "--version", "2.0.1", "--emergency", "Fix for the checkout outage", "--incident",
				Long.toString(incident));
		assertThat(emergency.out()).contains(": in-progress\nClosed: ")
			.contains("Emergency: Fix for the checkout outage (incident #" + incident + ")\n");
		String id = id(emergency);
		assertThat(deploy("deploy", "fail", "--id", id, "--reason", "Canary crashed").out())
			.endsWith(": failed\nCanary crashed\n");
	}

	/**
	 * As a pipeline runs it: a separate process with the server, token and deployment in
	 * {@code STEWARD_URL}, {@code STEWARD_TOKEN} and {@code STEWARD_DEPLOYMENT_ID}.
	 */
	@Test
	void theServerTokenAndDeploymentComeFromTheEnvironment() throws Exception {
		String id = id(deploy("deploy", "start", "--service", this.service, "--environment", this.environment,
				"--version", "3.0.0", "--node", "web-1"));
		// Libraries only tests use (ical4j) log once on start; keep that off standard
		// output.
		Path quiet = Files.writeString(Files.createTempFile("logback", ".xml"),
				"<configuration><root level=\"OFF\"/></configuration>");
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
				"-Dlogback.configurationFile=" + quiet, "-cp", System.getProperty("java.class.path"),
				"dev.steward.Steward", "deploy", "node", "--node", "web-1", "--status", "updating", "--output", "json")
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("STEWARD_URL", "http://127.0.0.1:" + this.port);
		builder.environment().put("STEWARD_TOKEN", this.pipeline);
		builder.environment().put("STEWARD_DEPLOYMENT_ID", id);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(out).isZero();
		Files.delete(quiet);
		JsonNode answer = JsonMapper.builder().build().readTree(out);
		assertThat(answer.path("id").asString()).isEqualTo(id);
		assertThat(answer.path("nodes").get(0).path("status").asString()).isEqualTo("updating");
	}

	@Test
	void wrongCommandLinesAndRefusals() {
		CommandOutput noId = stewardAs(this.pipeline, "deploy", "show");
		assertThat(noId.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(noId.err()).contains("Missing the deployment: give --id or set STEWARD_DEPLOYMENT_ID");

		CommandOutput strategy = stewardAs(this.pipeline, "deploy", "start", "--service", this.service, "--environment",
				this.environment, "--version", "1.0.0", "--strategy", "big-bang");
		assertThat(strategy.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(strategy.err())
			.contains("expected one of rolling, canary, blue-green, all-at-once but was " + "'big-bang'");

		CommandOutput incidentAlone = stewardAs(this.pipeline, "deploy", "start", "--service", this.service,
				"--environment", this.environment, "--version", "1.0.0", "--incident", "7");
		assertThat(incidentAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(incidentAlone.err()).contains("give --emergency JUSTIFICATION too");

		CommandOutput both = stewardAs(this.pipeline, "deploy", "verify", "--id", "1", "--passed", "--failed");
		assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
		CommandOutput badCheck = stewardAs(this.pipeline, "deploy", "verify", "--id", "1", "--passed", "--check",
				"smoke=ok");
		assertThat(badCheck.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(badCheck.err()).contains("'smoke=ok' is not NAME=passed or NAME=failed");

		CommandOutput otherService = stewardAs(this.pipeline, "deploy", "start", "--service", service(team(), 2),
				"--environment", this.environment, "--version", "1.0.0");
		assertThat(otherService.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(otherService.err()).startsWith("error: ");

		CommandOutput missing = stewardAs(ADMIN_TOKEN, "deploy", "rolled-back", "--id", "999999999");
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.ERROR);
		assertThat(missing.err()).isEqualTo("error: No deployment with id 999999999\n");

		assertThat(stewardAs(this.pipeline, "deploy", "start", "--help").out()).contains("--version=<version>")
			.contains("--emergency=JUSTIFICATION");
	}

}
