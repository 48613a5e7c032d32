package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code steward deploy}: a pipeline's deployment as Steward records it, from the gate
 * check at its start through node progress and verification to a rollback.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
		description = "Record a deployment from a pipeline: start it (the gate decides whether it may), report "
				+ "node progress and verification, fail it or roll it back. Commands after start take the "
				+ "deployment's --id, or read it from STEWARD_DEPLOYMENT_ID. Exit 0 on success, 1 on invalid input "
				+ "or errors, 3 when the gate blocks the deployment or the server refuses by policy.",
		subcommands = { DeployCommand.Start.class, DeployCommand.ListDeployments.class, DeployCommand.Show.class,
				DeployCommand.Node.class, DeployCommand.Verify.class, DeployCommand.Fail.class,
				DeployCommand.Rollback.class, DeployCommand.RolledBack.class })
class DeployCommand {

	/** How the pipeline replaces the nodes of an environment. */
	enum Strategy {

		ROLLING, CANARY, BLUE_GREEN, ALL_AT_ONCE

	}

	/** Where a deployment stands. */
	enum Status {

		IN_PROGRESS, VERIFYING, SUCCEEDED, FAILED, ROLLING_BACK, ROLLED_BACK, BLOCKED

	}

	/** A node's progress as the pipeline reports it. */
	enum NodeStatus {

		UPDATING, UPDATED, FAILED

	}

	/**
	 * {@code steward deploy start --service S --environment E --version V …}: exit 3 when
	 * the gate blocks it.
	 */
	@Command(name = "start",
			description = "Start a deployment and print its id. The gate decides: when it is closed the "
					+ "deployment is recorded as blocked and the command exits 3, unless --emergency gives a "
					+ "justification for passing it.")
	static class Start extends ServerRequestCommand {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
		boolean help;

		@Option(names = "--service", required = true, description = "The service.")
		String service;

		@Option(names = "--environment", required = true, description = "The environment, such as production.")
		String environment;

		@Option(names = "--version", required = true, description = "The version being deployed.")
		String version;

		@Option(names = "--commit", description = "The commit the version was built from.")
		String commit;

		@Option(names = "--commit-time", converter = OnCallCommand.Rfc3339.class,
				description = "When that commit was made (RFC 3339).")
		Instant commitTime;

		@Option(names = "--strategy", converter = Strategies.class, completionCandidates = Strategies.class,
				description = "${COMPLETION-CANDIDATES} (default: rolling).")
		Strategy strategy;

		@Option(names = "--max-unavailable",
				description = "How many nodes may be down at once (default: 1 for rolling and canary, "
						+ "every node otherwise).")
		Integer maxUnavailable;

		@Option(names = "--node", paramLabel = "NODE",
				description = "A node to update; repeatable (default: the nodes of the service's instance in the "
						+ "environment).")
		List<String> nodes;

		@Option(names = "--emergency", paramLabel = "JUSTIFICATION",
				description = "Pass a closed gate, for this reason (recorded and audited).")
		String emergency;

		@Option(names = "--incident", paramLabel = "NUMBER",
				description = "The incident the emergency deployment answers.")
		Long incident;

		@Spec
		CommandSpec spec;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("service", this.service);
			body.put("environment", this.environment);
			body.put("version", this.version);
			putIfPresent(body, "commit", this.commit);
			putIfPresent(body, "commitTime", this.commitTime == null ? null : this.commitTime.toString());
			putIfPresent(body, "strategy", apiName(this.strategy));
			putIfPresent(body, "maxUnavailable", this.maxUnavailable);
			putIfPresent(body, "nodes", this.nodes);
			putIfPresent(body, "emergency", emergency(this.spec, this.emergency, this.incident));
			return this.server.post("/api/v1/deployments", this.json.writeValueAsString(body));
		}

		@Override
		void print(JsonNode deployment) {
			System.out.println(headline(deployment));
			GateCommand.describe(deployment.path("gate"), this::time).forEach(System.out::println);
			if (deployment.path("status").asString().equals("blocked")) {
				System.out
					.println("Not started: deploy when the gate opens, or pass it with --emergency JUSTIFICATION");
				return;
			}
			if (deployment.path("emergency").isObject()) {
				System.out.println("Emergency: " + emergency(deployment.path("emergency")));
			}
			System.out.println("Rollback target: " + rollbackTarget(deployment));
			if (!deployment.path("nodes").isEmpty()) {
				List<String> names = new ArrayList<>();
				deployment.path("nodes").forEach(node -> names.add(node.path("name").asString()));
				System.out.println("Nodes: " + String.join(", ", names));
			}
		}

		@Override
		int exitCode(JsonNode deployment) {
			return deployment.path("status").asString().equals("blocked") ? ExitCodes.REFUSED : ExitCodes.OK;
		}

	}

	/**
	 * {@code steward deploy list [--service S] [--environment E] [--status T] …}.
	 */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "Print deployments, newest first.")
	static class ListDeployments extends ServerRequestCommand {

		@Option(names = "--service", description = "Only this service's deployments.")
		String service;

		@Option(names = "--environment", description = "Only deployments to this environment.")
		String environment;

		@Option(names = "--status", converter = Statuses.class, completionCandidates = Statuses.class,
				description = "Only deployments that are ${COMPLETION-CANDIDATES}.")
		Status status;

		@Mixin
		Paging paging;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server
				.get("/api/v1/deployments" + query(this.paging.with(new Parameter("service", this.service),
						new Parameter("environment", this.environment),
						new Parameter("status", apiName(this.status)))));
		}

		@Override
		void print(JsonNode answer) {
			JsonNode deployments = answer.path("items");
			if (deployments.isEmpty()) {
				System.out.println("No deployments");
				return;
			}
			List<String[]> rows = new ArrayList<>();
			rows.add(new String[] { "ID", "STATUS", "SERVICE", "ENVIRONMENT", "VERSION",
					"REQUESTED (" + this.zone + ")", "BY" });
			for (JsonNode deployment : deployments) {
				rows.add(new String[] { Long.toString(deployment.path("id").asLong()),
						deployment.path("status").asString(), deployment.path("service").asString(),
						deployment.path("environment").asString(), deployment.path("version").asString(),
						time(deployment.path("requestedAt")), deployment.path("requestedBy").asString() });
			}
			printTable(rows);
			if (answer.path("nextCursor").isString()) {
				System.out.println("More: --cursor " + answer.path("nextCursor").asString());
			}
		}

	}

	/** What every command about one deployment takes: its id. */
	abstract static class OneDeployment extends ServerRequestCommand {

		@Option(names = "--id", defaultValue = "${env:STEWARD_DEPLOYMENT_ID}",
				description = "The deployment's id (env STEWARD_DEPLOYMENT_ID).")
		Long id;

		@Spec
		CommandSpec spec;

		/** The deployment's path, such as {@code /api/v1/deployments/42}. */
		String path() {
			if (this.id == null) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						"Missing the deployment: give --id or set STEWARD_DEPLOYMENT_ID");
			}
			return "/api/v1/deployments/" + this.id;
		}

		/** {@code {"reason": …}} or, without a reason, {@code {}}. */
		String reason(String reason) {
			Map<String, Object> body = new LinkedHashMap<>();
			putIfPresent(body, "reason", reason);
			return this.json.writeValueAsString(body);
		}

		@Override
		void print(JsonNode deployment) {
			System.out.println(headline(deployment));
		}

	}

	/** {@code steward deploy show --id ID}. */
	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Print a deployment: its gate answer, nodes, checks and history.")
	static class Show extends OneDeployment {

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get(path());
		}

		@Override
		void print(JsonNode deployment) {
			System.out.println(headline(deployment));
			List<String[]> facts = new ArrayList<>();
			facts.add(new String[] { "Strategy:", deployment.path("strategy").asString() + ", at most "
					+ deployment.path("maxUnavailable").asInt() + " node(s) unavailable at once" });
			if (deployment.path("commit").isString()) {
				facts.add(new String[] { "Commit:",
						deployment.path("commit").asString() + (deployment.path("commitTime").isString()
								? " of " + time(deployment.path("commitTime")) : "") });
			}
			facts.add(new String[] { "Rollback target:", rollbackTarget(deployment) });
			facts.add(new String[] { "Requested:", "by " + deployment.path("requestedBy").asString() + " at "
					+ time(deployment.path("requestedAt")) });
			if (deployment.path("finishedAt").isString()) {
				facts.add(new String[] { "Finished:", time(deployment.path("finishedAt")) });
			}
			if (deployment.path("emergency").isObject()) {
				facts.add(new String[] { "Emergency:", emergency(deployment.path("emergency")) });
			}
			if (deployment.path("failureReason").isString()) {
				facts.add(new String[] { "Failure:", deployment.path("failureReason").asString() });
			}
			if (deployment.path("rollbackReason").isString()) {
				facts.add(new String[] { "Rollback:", deployment.path("rollbackReason").asString() });
			}
			printTable(facts);
			System.out.println();
			System.out.println("Gate when requested:");
			GateCommand.describe(deployment.path("gate"), this::time).forEach(line -> System.out.println("  " + line));
			if (!deployment.path("nodes").isEmpty()) {
				System.out.println();
				List<String[]> nodes = new ArrayList<>();
				nodes.add(new String[] { "NODE", "STATUS", "UPDATED (" + this.zone + ")" });
				for (JsonNode node : deployment.path("nodes")) {
					nodes.add(new String[] { node.path("name").asString(), node.path("status").asString(),
							node.path("updatedAt").isString() ? time(node.path("updatedAt")) : "" });
				}
				printTable(nodes);
			}
			if (!deployment.path("checks").isEmpty()) {
				System.out.println();
				List<String[]> checks = new ArrayList<>();
				checks.add(new String[] { "CHECK", "RESULT", "DETAIL" });
				for (JsonNode check : deployment.path("checks")) {
					checks.add(new String[] { check.path("name").asString(),
							check.path("passed").asBoolean() ? "passed" : "failed",
							check.path("detail").isString() ? check.path("detail").asString() : "" });
				}
				printTable(checks);
			}
			System.out.println();
			List<String[]> history = new ArrayList<>();
			history.add(new String[] { "TIME (" + this.zone + ")", "STATUS", "ACTOR", "DETAIL" });
			for (JsonNode step : deployment.path("history")) {
				history.add(new String[] { time(step.path("at")), step.path("status").asString(),
						step.path("actor").isString() ? step.path("actor").asString() : "",
						step.path("detail").isString() ? step.path("detail").asString() : "" });
			}
			printTable(history);
		}

	}

	/** {@code steward deploy node --id ID --node N --status S}. */
	@Command(name = "node", mixinStandardHelpOptions = true,
			description = "Report a node's progress; once every node is updated the deployment is verifying.")
	static class Node extends OneDeployment {

		@Option(names = "--node", required = true, description = "The node.")
		String node;

		@Option(names = "--status", required = true, converter = NodeStatuses.class,
				completionCandidates = NodeStatuses.class, description = "${COMPLETION-CANDIDATES}.")
		NodeStatus status;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post(path() + "/nodes/" + ServerConnection.encode(this.node),
					this.json.writeValueAsString(Map.of("status", apiName(this.status))));
		}

		@Override
		void print(JsonNode deployment) {
			int updated = 0;
			for (JsonNode node : deployment.path("nodes")) {
				if (node.path("status").asString().equals("updated")) {
					updated++;
				}
			}
			System.out.println(headline(deployment));
			System.out.println("Node " + this.node + " " + apiName(this.status) + "; " + updated + " of "
					+ deployment.path("nodes").size() + " node(s) updated");
		}

	}

	/**
	 * {@code steward deploy verify --id ID --passed|--failed [--check NAME=RESULT]…}.
	 */
	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = "Report the verification: --passed makes the deployment succeeded, --failed makes it "
					+ "failed (then roll it back).")
	static class Verify extends OneDeployment {

		@ArgGroup(exclusive = true, multiplicity = "1")
		Outcome outcome;

		@Option(names = "--check", paramLabel = "NAME=passed|failed[:DETAIL]", converter = CheckResult.class,
				description = "A check the pipeline ran, such as smoke=passed or \"latency=failed:p99 900 ms\"; "
						+ "repeatable.")
		List<Check> checks;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("passed", this.outcome.passed);
			putIfPresent(body, "checks", this.checks);
			return this.server.post(path() + "/verify", this.json.writeValueAsString(body));
		}

		@Override
		void print(JsonNode deployment) {
			System.out.println(headline(deployment));
			if (deployment.path("failureReason").isString()) {
				System.out.println(deployment.path("failureReason").asString());
			}
		}

		/** Whether the verification passed. */
		static class Outcome {

			@Option(names = "--passed", required = true, description = "The verification passed.")
			boolean passed;

			@Option(names = "--failed", required = true, description = "The verification failed.")
			boolean failed;

		}

	}

	/** One check of a verification, as the API takes it. */
	record Check(String name, boolean passed, String detail) {
	}

	/** Reads {@code NAME=passed}, {@code NAME=failed} or either with {@code :DETAIL}. */
	static class CheckResult implements CommandLine.ITypeConverter<Check> {

		@Override
		public Check convert(String value) {
			int equals = value.indexOf('=');
			if (equals <= 0) {
				throw invalid(value);
			}
			String rest = value.substring(equals + 1);
			int colon = rest.indexOf(':');
			String result = colon < 0 ? rest : rest.substring(0, colon);
			String detail = colon < 0 ? null : rest.substring(colon + 1);
			if (!result.equals("passed") && !result.equals("failed")) {
				throw invalid(value);
			}
			return new Check(value.substring(0, equals), result.equals("passed"),
					detail == null || detail.isBlank() ? null : detail);
		}

		private static CommandLine.TypeConversionException invalid(String value) {
			return new CommandLine.TypeConversionException(
					"'" + value + "' is not NAME=passed or NAME=failed, optionally followed by :DETAIL");
		}

	}

	/** {@code steward deploy fail --id ID [--reason R]}. */
	@Command(name = "fail", mixinStandardHelpOptions = true,
			description = "Mark a deployment that is in progress or verifying as failed.")
	static class Fail extends OneDeployment {

		@Option(names = "--reason", description = "Why it failed.")
		String reason;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post(path() + "/fail", reason(this.reason));
		}

		@Override
		void print(JsonNode deployment) {
			System.out.println(headline(deployment));
			System.out.println(deployment.path("failureReason").asString());
		}

	}

	/** {@code steward deploy rollback --id ID [--reason R]}. */
	@Command(name = "rollback", mixinStandardHelpOptions = true,
			description = "Ask for the previous version back; report it with rolled-back once it runs again.")
	static class Rollback extends OneDeployment {

		@Option(names = "--reason", description = "Why it is rolled back.")
		String reason;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post(path() + "/rollback", reason(this.reason));
		}

		@Override
		void print(JsonNode deployment) {
			System.out.println(headline(deployment));
			System.out.println(deployment.path("rollbackTarget").isString()
					? "Deploy " + deployment.path("rollbackTarget").asString() + " again, then run: steward deploy "
							+ "rolled-back --id " + deployment.path("id").asLong()
					: "No earlier version succeeded in " + deployment.path("environment").asString()
							+ "; undo the deployment, then run: steward deploy rolled-back --id "
							+ deployment.path("id").asLong());
		}

	}

	/** {@code steward deploy rolled-back --id ID}. */
	@Command(name = "rolled-back", mixinStandardHelpOptions = true,
			description = "Report that the rollback is done: the previous version runs again.")
	static class RolledBack extends OneDeployment {

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post(path() + "/rolled-back", "");
		}

	}

	/** Reads {@code --strategy}. */
	static class Strategies extends ServerRequestCommand.ApiValues<Strategy> {

		Strategies() {
			super(Strategy.class);
		}

	}

	/** Reads {@code --status} of {@code list}. */
	static class Statuses extends ServerRequestCommand.ApiValues<Status> {

		Statuses() {
			super(Status.class);
		}

	}

	/** Reads {@code --status} of {@code node}. */
	static class NodeStatuses extends ServerRequestCommand.ApiValues<NodeStatus> {

		NodeStatuses() {
			super(NodeStatus.class);
		}

	}

	/** {@code Deployment 42 of payments-api 1.4.2 to production: in-progress}. */
	static String headline(JsonNode deployment) {
		return "Deployment " + deployment.path("id").asLong() + " of " + deployment.path("service").asString() + " "
				+ deployment.path("version").asString() + " to " + deployment.path("environment").asString() + ": "
				+ deployment.path("status").asString();
	}

	/**
	 * The {@code emergency} of a request: null without a justification; an incident needs
	 * one.
	 */
	static Map<String, Object> emergency(CommandSpec spec, String justification, Long incident) {
		if (justification == null) {
			if (incident != null) {
				throw new CommandLine.ParameterException(spec.commandLine(),
						"--incident names the incident an emergency answers: give --emergency JUSTIFICATION too");
			}
			return null;
		}
		Map<String, Object> emergency = new LinkedHashMap<>();
		emergency.put("justification", justification);
		putIfPresent(emergency, "incident", incident);
		return emergency;
	}

	/** {@code justification (incident #7)}. */
	static String emergency(JsonNode emergency) {
		return emergency.path("justification").asString() + (emergency.path("incident").isNumber()
				? " (incident #" + emergency.path("incident").asLong() + ")" : "");
	}

	static void putIfPresent(Map<String, Object> body, String name, Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

	private static String rollbackTarget(JsonNode deployment) {
		return deployment.path("rollbackTarget").isString() ? deployment.path("rollbackTarget").asString()
				: "none (no earlier version succeeded here)";
	}

}
