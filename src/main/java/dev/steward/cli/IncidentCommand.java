package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code steward incident}: list incidents, show one with its timeline, acknowledge,
 * resolve.
 */
@Command(name = "incident", mixinStandardHelpOptions = true,
		description = "List incidents, show one with its timeline, acknowledge and resolve them. Exit 0 on "
				+ "success, 1 on invalid input or errors, 3 when the server refuses (not a member of the owning "
				+ "team, already acknowledged or resolved).",
		subcommands = { IncidentCommand.ListIncidents.class, IncidentCommand.Show.class,
				IncidentCommand.Acknowledge.class, IncidentCommand.Resolve.class })
class IncidentCommand {

	/** Where an incident is in its life. */
	enum Status {

		TRIGGERED, ACKNOWLEDGED, RESOLVED

	}

	/** Whether an incident pages through its whole escalation policy. */
	enum Urgency {

		HIGH, LOW

	}

	/**
	 * {@code steward incident list [--service S] [--status T] [--urgency U] [--limit N]}.
	 */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "Print incidents, newest first.")
	static class ListIncidents extends ServerRequestCommand {

		@Option(names = "--service", description = "Only this service's incidents.")
		String service;

		@Option(names = "--status", description = "Only incidents that are triggered, acknowledged or resolved.")
		Status status;

		@Option(names = "--urgency", description = "Only high- or low-urgency incidents.")
		Urgency urgency;

		@Mixin
		Paging paging;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get("/api/v1/incidents" + query(this.paging.with(new Parameter("service", this.service),
					new Parameter("status", apiName(this.status)), new Parameter("urgency", apiName(this.urgency)))));
		}

		@Override
		void print(JsonNode answer) {
			JsonNode incidents = answer.path("items");
			if (incidents.isEmpty()) {
				System.out.println("No incidents");
				return;
			}
			List<String[]> rows = new ArrayList<>();
			rows.add(new String[] { "NUMBER", "STATUS", "URGENCY", "SEVERITY", "SERVICE", "CREATED (" + this.zone + ")",
					"TITLE" });
			for (JsonNode incident : incidents) {
				rows.add(new String[] { "#" + incident.path("number").asLong(), incident.path("status").asString(),
						incident.path("urgency").asString(), incident.path("severity").asString(),
						incident.path("service").asString(), time(incident.path("createdAt")),
						incident.path("title").asString() });
			}
			printTable(rows);
			if (answer.path("nextCursor").isString()) {
				System.out.println("More: --cursor " + answer.path("nextCursor").asString());
			}
		}

	}

	/** {@code steward incident show N}. */
	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Print an incident and its timeline, oldest entry first.")
	static class Show extends ServerRequestCommand {

		@Parameters(paramLabel = "NUMBER", description = "The incident's number.")
		long number;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get("/api/v1/incidents/" + this.number);
		}

		/** The incident with its timeline, as {@code timeline}. */
		@Override
		JsonNode answer() throws IOException, InterruptedException {
			ObjectNode incident = (ObjectNode) super.answer();
			incident.set("timeline",
					accepted(this.server.get("/api/v1/incidents/" + this.number + "/timeline")).path("items"));
			return incident;
		}

		@Override
		void print(JsonNode incident) {
			System.out.println("#" + incident.path("number").asLong() + " " + incident.path("title").asString());
			List<String[]> facts = new ArrayList<>();
			facts.add(new String[] { "Service:", incident.path("service").asString() });
			facts.add(new String[] { "Status:", status(incident) });
			facts.add(new String[] { "Urgency:", incident.path("urgency").asString() });
			facts.add(new String[] { "Severity:", incident.path("severity").asString() });
			facts.add(new String[] { "Alerts:", Integer.toString(incident.path("alertCount").asInt()) });
			facts.add(new String[] { "Escalation:", escalation(incident) });
			facts.add(new String[] { "Assignees:", names(incident.path("assignees")) });
			facts.add(new String[] { "Created:", time(incident.path("createdAt")) });
			JsonNode sla = incident.path("responseSla");
			facts.add(new String[] { "Acknowledge by:", deadline(sla.path("ackBy"), sla.path("ackBreached")) });
			facts.add(new String[] { "Resolve by:", deadline(sla.path("resolveBy"), sla.path("resolveBreached")) });
			if (incident.path("source").isString()) {
				facts.add(new String[] { "Source:", incident.path("source").asString() });
			}
			facts.add(new String[] { "Dedup key:", incident.path("dedupKey").asString() });
			if (!incident.path("details").isEmpty()) {
				facts.add(new String[] { "Details:", "" });
			}
			incident.path("details")
				.properties()
				.forEach(detail -> facts.add(new String[] { "  " + detail.getKey() + ":",
						detail.getValue().isString() ? detail.getValue().asString() : detail.getValue().toString() }));
			printTable(facts);
			System.out.println();
			List<String[]> timeline = new ArrayList<>();
			timeline.add(new String[] { "TIME (" + this.zone + ")", "TYPE", "ACTOR", "MESSAGE" });
			for (JsonNode entry : incident.path("timeline")) {
				timeline.add(new String[] { time(entry.path("at")), entry.path("type").asString(),
						entry.path("actor").isString() ? entry.path("actor").asString() : "",
						entry.path("message").isString() ? entry.path("message").asString() : "" });
			}
			printTable(timeline);
		}

		/** "triggered", or "acknowledged by ana at …", "resolved by ben at …". */
		private String status(JsonNode incident) {
			String status = incident.path("status").asString();
			JsonNode by = incident.path(status + "By");
			return by.isString() ? status + " by " + by.asString() + " at " + time(incident.path(status + "At"))
					: status;
		}

		private static String escalation(JsonNode incident) {
			return incident.path("policy").isString() ? incident.path("policy").asString() + ", level "
					+ incident.path("level").asInt() + ", round " + (incident.path("round").asInt() + 1)
					: "no escalation policy: nobody is paged";
		}

		private String deadline(JsonNode at, JsonNode breached) {
			return time(at) + (breached.asBoolean() ? " (missed)" : "");
		}

		private static String names(JsonNode users) {
			List<String> names = new ArrayList<>();
			users.forEach(user -> names.add(user.asString()));
			return names.isEmpty() ? "nobody" : String.join(", ", names);
		}

	}

	/** Acknowledging or resolving an incident, as the token's user. */
	abstract static class Act extends ServerRequestCommand {

		@Parameters(paramLabel = "NUMBER", description = "The incident's number.")
		long number;

		/**
		 * The action's path below the incident: {@code acknowledge} or {@code resolve}.
		 */
		abstract String action();

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post("/api/v1/incidents/" + this.number + "/" + action(), "");
		}

		@Override
		void print(JsonNode incident) {
			System.out.println("#" + incident.path("number").asLong() + " " + incident.path("title").asString() + " is "
					+ incident.path("status").asString());
		}

	}

	/** {@code steward incident ack N}. */
	@Command(name = "ack", aliases = "acknowledge", mixinStandardHelpOptions = true,
			description = "Acknowledge a triggered incident: paging stops.")
	static class Acknowledge extends Act {

		@Override
		String action() {
			return "acknowledge";
		}

	}

	/** {@code steward incident resolve N}. */
	@Command(name = "resolve", mixinStandardHelpOptions = true, description = "Resolve an incident.")
	static class Resolve extends Act {

		@Override
		String action() {
			return "resolve";
		}

	}

}
