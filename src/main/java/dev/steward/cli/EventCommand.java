package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code steward event}: sends an event to Steward's own events door, as a monitoring
 * tool does, with a service's integration key instead of an API token.
 */
@Command(name = "event", mixinStandardHelpOptions = true,
		description = "Trigger, acknowledge or resolve an incident of a service as a monitoring tool does, with "
				+ "the service's integration key. Exit 0 when the event is accepted, 1 on invalid input or errors.",
		subcommands = { EventCommand.Trigger.class, EventCommand.Acknowledge.class, EventCommand.Resolve.class })
class EventCommand {

	/** How bad the problem is, as the events door spells it. */
	enum Severity {

		CRITICAL, ERROR, WARNING, INFO

	}

	/** What every event sends: its action, the integration key and the dedup key. */
	abstract static class Send extends ServerRequestCommand {

		@Option(names = "--routing-key", defaultValue = "${env:STEWARD_ROUTING_KEY}",
				description = "The service's integration key (env STEWARD_ROUTING_KEY).")
		String routingKey;

		@Spec
		CommandSpec spec;

		/** {@code trigger}, {@code acknowledge} or {@code resolve}. */
		abstract String action();

		/** The dedup key the event names, or {@code null}. */
		abstract String dedupKey();

		/** Adds what the event says about the problem, if anything. */
		void describe(Map<String, Object> event) {
		}

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			if (this.routingKey == null || this.routingKey.isBlank()) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						"Missing the integration key: give --routing-key or set STEWARD_ROUTING_KEY");
			}
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("routingKey", this.routingKey);
			event.put("action", action());
			event.put("dedupKey", dedupKey());
			describe(event);
			return this.server.post("/api/v1/events", this.json.writeValueAsString(event));
		}

		@Override
		void print(JsonNode answer) {
			String dedupKey = answer.path("dedupKey").asString();
			System.out.println(answer.path("incident").isNumber()
					? "Incident #" + answer.path("incident").asLong() + ", dedup key " + dedupKey
					: "No open incident has dedup key " + dedupKey + "; nothing to " + action());
		}

	}

	/** {@code steward event trigger --summary S --severity V [--dedup-key D] …}. */
	@Command(name = "trigger", mixinStandardHelpOptions = true,
			description = "Open an incident, or add an alert to the open one with the same dedup key.")
	static class Trigger extends Send {

		@Option(names = "--dedup-key",
				description = "Folds the event into the open incident with this key (default: a new key).")
		String dedupKey;

		@Option(names = "--summary", required = true, description = "What is wrong; the incident's title.")
		String summary;

		@Option(names = "--severity", required = true, description = "critical, error, warning or info.")
		Severity severity;

		@Option(names = "--source", description = "Where the problem is, such as a host name.")
		String source;

		@Option(names = "--detail", paramLabel = "KEY=VALUE", description = "A detail of the problem; repeatable.")
		Map<String, String> details;

		@Override
		String action() {
			return "trigger";
		}

		@Override
		String dedupKey() {
			return this.dedupKey;
		}

		@Override
		void describe(Map<String, Object> event) {
			event.put("summary", this.summary);
			event.put("severity", apiName(this.severity));
			event.put("source", this.source);
			event.put("details", this.details);
		}

	}

	/** An acknowledge or a resolve: about the open incident filed under a dedup key. */
	abstract static class FollowUp extends Send {

		@Option(names = "--dedup-key", required = true, description = "The dedup key the incident was triggered with.")
		String dedupKey;

		@Override
		String dedupKey() {
			return this.dedupKey;
		}

	}

	/** {@code steward event acknowledge --dedup-key D}. */
	@Command(name = "acknowledge", mixinStandardHelpOptions = true,
			description = "Acknowledge the open incident with a dedup key: paging stops.")
	static class Acknowledge extends FollowUp {

		@Override
		String action() {
			return "acknowledge";
		}

	}

	/** {@code steward event resolve --dedup-key D}. */
	@Command(name = "resolve", mixinStandardHelpOptions = true,
			description = "Resolve the open incident with a dedup key.")
	static class Resolve extends FollowUp {

		@Override
		String action() {
			return "resolve";
		}

	}

}
