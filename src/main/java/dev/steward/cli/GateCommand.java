package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code steward gate}: may a service deploy to an environment now, or at an instant? */
@Command(name = "gate", mixinStandardHelpOptions = true,
		description = "Ask the gate whether a service may deploy to an environment, and why. Exit 0 when the "
				+ "gate is open, 3 when it is closed, 1 on invalid input or errors (such as an unknown service or "
				+ "environment).",
		subcommands = GateCommand.Check.class)
class GateCommand {

	/** {@code steward gate check --service S --environment E [--at T]}. */
	@Command(name = "check", mixinStandardHelpOptions = true,
			description = "Print whether the gate is open, the windows that decide it, and when that changes. "
					+ "Exit 0 when open, 3 when closed, so that a pipeline stops there.")
	static class Check extends ServerRequestCommand {

		@Option(names = "--service", required = true, description = "The service.")
		String service;

		@Option(names = "--environment", required = true, description = "The environment, such as production.")
		String environment;

		@Option(names = "--at", converter = OnCallCommand.Rfc3339.class, description = "The instant (default: now).")
		Instant at;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get("/api/v1/gate" + query(new Parameter("service", this.service),
					new Parameter("environment", this.environment), new Parameter("at", this.at)));
		}

		@Override
		void print(JsonNode answer) {
			describe(answer, this::time).forEach(System.out::println);
		}

		@Override
		int exitCode(JsonNode answer) {
			return answer.path("open").asBoolean() ? ExitCodes.OK : ExitCodes.REFUSED;
		}

	}

	/**
	 * A gate answer for people: open or closed, each window that decided it with its
	 * effect, and when the answer changes, with times formatted by {@code time}.
	 */
	static List<String> describe(JsonNode gate, Function<JsonNode, String> time) {
		boolean open = gate.path("open").asBoolean();
		List<String> lines = new ArrayList<>();
		lines.add((open ? "Open: " : "Closed: ") + gate.path("service").asString() + (open ? " may" : " may not")
				+ " deploy to " + gate.path("environment").asString() + " at " + time.apply(gate.path("at")));
		if (gate.path("reasons").isEmpty()) {
			lines.add("  no deployment window applies");
		}
		for (JsonNode reason : gate.path("reasons")) {
			String effect = reason.path("effect").asString();
			StringBuilder line = new StringBuilder("  ").append(effect)
				.append(": ")
				.append(reason.path("kind").asString())
				.append(" window '")
				.append(reason.path("window").asString())
				.append("' (")
				.append(reason.path("scope").asString())
				.append(")");
			if (reason.path("activeUntil").isString()) {
				line.append(", active until ").append(time.apply(reason.path("activeUntil")));
			}
			else if (reason.path("nextActive").isString()) {
				line.append(", next active ").append(time.apply(reason.path("nextActive")));
			}
			else if ("inactive".equals(effect)) {
				line.append(", not active within a year");
			}
			if (reason.path("reason").isString() && !reason.path("reason").asString().isBlank()) {
				line.append(": ").append(reason.path("reason").asString());
			}
			lines.add(line.toString());
		}
		if (gate.path("nextChange").isString()) {
			lines.add((open ? "Closes at " : "Opens at ") + time.apply(gate.path("nextChange")));
		}
		else {
			lines.add(open ? "Stays open for at least a year" : "Stays closed for at least a year");
		}
		return lines;
	}

}
