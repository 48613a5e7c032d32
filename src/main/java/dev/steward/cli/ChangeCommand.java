package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code steward change}: production infrastructure changes, from a draft through the
 * gate and approvals to their outcome.
 */
@Command(name = "change", mixinStandardHelpOptions = true,
		description = "File a production infrastructure change, submit it (the gate must be open throughout its "
				+ "planned interval, unless it is an emergency), approve, start and finish it. Times are RFC 3339. "
				+ "Exit 0 on success, 1 on invalid input or errors, 3 when the server refuses (a closed gate, "
				+ "not a member or lead of the team, the wrong status).",
		subcommands = { ChangeCommand.Create.class, ChangeCommand.ListChanges.class, ChangeCommand.Show.class,
				ChangeCommand.Submit.class, ChangeCommand.Approve.class, ChangeCommand.Start.class,
				ChangeCommand.Complete.class, ChangeCommand.Fail.class, ChangeCommand.Cancel.class })
class ChangeCommand {

	/** What part of production infrastructure a change touches. */
	enum Category {

		LOAD_BALANCER, NETWORK, DNS, CAPACITY, OS_TUNING, DATABASE, OTHER

	}

	/** How risky a change is. */
	enum Risk {

		LOW, MEDIUM, HIGH

	}

	/** Where a change stands. */
	enum Status {

		DRAFT, SUBMITTED, APPROVED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED

	}

	/** {@code steward change create --service S --category C --risk R …}. */
	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "File a change as a draft and print its id; submit it for approval with submit.")
	static class Create extends ServerRequestCommand {

		@Option(names = "--service", required = true, description = "The service the change is for.")
		String service;

		@Option(names = "--title", description = "A short title.")
		String title;

		@Option(names = "--category", required = true, converter = Categories.class,
				completionCandidates = Categories.class, description = "${COMPLETION-CANDIDATES}.")
		Category category;

		@Option(names = "--description", required = true, description = "What will be done.")
		String description;

		@Option(names = "--risk", required = true, converter = Risks.class, completionCandidates = Risks.class,
				description = "${COMPLETION-CANDIDATES}; a high-risk change needs two approvers.")
		Risk risk;

		@Option(names = "--implementer", description = "The team doing the work (default: the owning team).")
		String implementer;

		@Option(names = "--environment", description = "The environment (default: production).")
		String environment;

		@Option(names = "--planned-start", required = true, converter = OnCallCommand.Rfc3339.class,
				description = "When the work begins.")
		Instant plannedStart;

		@Option(names = "--planned-end", required = true, converter = OnCallCommand.Rfc3339.class,
				description = "When the work is over.")
		Instant plannedEnd;

		@Option(names = "--rollback-plan", required = true, description = "How the change is undone.")
		String rollbackPlan;

		@Option(names = "--emergency", paramLabel = "JUSTIFICATION",
				description = "Let the change go ahead in a closed gate, for this reason (audited).")
		String emergency;

		@Option(names = "--incident", paramLabel = "NUMBER", description = "The incident the emergency answers.")
		Long incident;

		@Spec
		CommandSpec spec;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("service", this.service);
			DeployCommand.putIfPresent(body, "title", this.title);
			body.put("category", apiName(this.category));
			body.put("description", this.description);
			body.put("risk", apiName(this.risk));
			DeployCommand.putIfPresent(body, "implementer", this.implementer);
			DeployCommand.putIfPresent(body, "environment", this.environment);
			body.put("plannedStart", this.plannedStart.toString());
			body.put("plannedEnd", this.plannedEnd.toString());
			body.put("rollbackPlan", this.rollbackPlan);
			DeployCommand.putIfPresent(body, "emergency",
					DeployCommand.emergency(this.spec, this.emergency, this.incident));
			return this.server.post("/api/v1/changes", this.json.writeValueAsString(body));
		}

		@Override
		void print(JsonNode change) {
			System.out.println(headline(change));
			System.out
				.println("Planned from " + time(change.path("plannedStart")) + " to " + time(change.path("plannedEnd"))
						+ "; submit it with: steward change submit --id " + change.path("id").asLong());
		}

	}

	/** {@code steward change list [--service S] [--status T] …}. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "Print changes, newest first.")
	static class ListChanges extends ServerRequestCommand {

		@Option(names = "--service", description = "Only this service's changes.")
		String service;

		@Option(names = "--status", converter = Statuses.class, completionCandidates = Statuses.class,
				description = "Only changes that are ${COMPLETION-CANDIDATES}.")
		Status status;

		@Mixin
		Paging paging;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get("/api/v1/changes" + query(this.paging.with(new Parameter("service", this.service),
					new Parameter("status", apiName(this.status)))));
		}

		@Override
		void print(JsonNode answer) {
			JsonNode changes = answer.path("items");
			if (changes.isEmpty()) {
				System.out.println("No changes");
				return;
			}
			List<String[]> rows = new ArrayList<>();
			rows.add(new String[] { "ID", "STATUS", "SERVICE", "CATEGORY", "RISK", "PLANNED START (" + this.zone + ")",
					"PLANNED END", "TITLE" });
			for (JsonNode change : changes) {
				rows.add(new String[] { Long.toString(change.path("id").asLong()), change.path("status").asString(),
						change.path("service").asString(), change.path("category").asString(),
						change.path("risk").asString(), time(change.path("plannedStart")),
						time(change.path("plannedEnd")), title(change) });
			}
			printTable(rows);
			if (answer.path("nextCursor").isString()) {
				System.out.println("More: --cursor " + answer.path("nextCursor").asString());
			}
		}

	}

	/** What every command about one change takes: its id. */
	abstract static class OneChange extends ServerRequestCommand {

		@Option(names = "--id", required = true, description = "The change's id.")
		long id;

		String path() {
			return "/api/v1/changes/" + this.id;
		}

		@Override
		void print(JsonNode change) {
			System.out.println(headline(change));
		}

	}

	/** {@code steward change show --id ID}. */
	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Print a change: its plan, gate answer, approvals and history.")
	static class Show extends OneChange {

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get(path());
		}

		@Override
		void print(JsonNode change) {
			System.out.println(headline(change));
			List<String[]> facts = new ArrayList<>();
			facts.add(new String[] { "Category:", change.path("category").asString() });
			facts.add(new String[] { "Risk:", change.path("risk").asString() });
			facts.add(new String[] { "Owner:", change.path("owner").asString() });
			facts.add(new String[] { "Implementer:", change.path("implementer").asString() });
			facts.add(new String[] { "Environment:", change.path("environment").asString() });
			facts.add(new String[] { "Planned:",
					time(change.path("plannedStart")) + " to " + time(change.path("plannedEnd")) });
			facts.add(new String[] { "Description:", change.path("description").asString() });
			facts.add(new String[] { "Rollback plan:", change.path("rollbackPlan").asString() });
			if (change.path("emergency").isObject()) {
				facts.add(new String[] { "Emergency:", DeployCommand.emergency(change.path("emergency")) });
			}
			facts.add(new String[] { "Created:",
					"by " + change.path("createdBy").asString() + " at " + time(change.path("createdAt")) });
			List<String> approvals = new ArrayList<>();
			change.path("approvals")
				.forEach(approval -> approvals.add(approval.path("approver").asString() + " ("
						+ approval.path("side").asString() + ") at " + time(approval.path("at"))));
			facts.add(new String[] { "Approvals:", approvals.isEmpty() ? "none" : String.join(", ", approvals) });
			if (!change.path("approvalsNeeded").isEmpty()) {
				facts.add(new String[] { "Still needs:", needed(change) });
			}
			if (change.path("startedAt").isString()) {
				facts.add(new String[] { "Started:", time(change.path("startedAt")) });
			}
			if (change.path("finishedAt").isString()) {
				facts.add(new String[] { "Finished:", time(change.path("finishedAt")) });
			}
			if (change.path("outcome").isString()) {
				facts.add(new String[] { "Outcome:", change.path("outcome").asString() });
			}
			printTable(facts);
			if (change.path("gate").isObject()) {
				System.out.println();
				System.out.println("Gate when submitted:");
				GateCommand.describe(change.path("gate"), this::time).forEach(line -> System.out.println("  " + line));
			}
			System.out.println();
			List<String[]> history = new ArrayList<>();
			history.add(new String[] { "TIME (" + this.zone + ")", "STATUS", "ACTOR", "DETAIL" });
			for (JsonNode step : change.path("history")) {
				history.add(new String[] { time(step.path("at")), step.path("status").asString(),
						step.path("actor").isString() ? step.path("actor").asString() : "",
						step.path("detail").isString() ? step.path("detail").asString() : "" });
			}
			printTable(history);
		}

	}

	/** Moving a change along without a note: submit, approve, start. */
	abstract static class Move extends OneChange {

		/** The action's path below the change. */
		abstract String action();

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post(path() + "/" + action(), "");
		}

		@Override
		void print(JsonNode change) {
			System.out.println(headline(change));
			if (!change.path("approvalsNeeded").isEmpty()) {
				System.out.println("Still needs " + needed(change));
			}
		}

	}

	/** {@code steward change submit --id ID}. */
	@Command(name = "submit", mixinStandardHelpOptions = true,
			description = "Submit a draft for approval; the gate must be open throughout its planned interval, "
					+ "unless it is an emergency.")
	static class Submit extends Move {

		@Override
		String action() {
			return "submit";
		}

	}

	/** {@code steward change approve --id ID}. */
	@Command(name = "approve", mixinStandardHelpOptions = true,
			description = "Approve a submitted change as a lead of the owning or implementing team, or as an "
					+ "administrator.")
	static class Approve extends Move {

		@Override
		String action() {
			return "approve";
		}

	}

	/** {@code steward change start --id ID}. */
	@Command(name = "start", mixinStandardHelpOptions = true,
			description = "Begin the work of an approved change, within its planned interval.")
	static class Start extends Move {

		@Override
		String action() {
			return "start";
		}

	}

	/** Finishing or cancelling a change, with an optional note. */
	abstract static class Finish extends OneChange {

		@Option(names = "--note", description = "What happened.")
		String note;

		/** The action's path below the change. */
		abstract String action();

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			Map<String, Object> body = new LinkedHashMap<>();
			DeployCommand.putIfPresent(body, "note", this.note);
			return this.server.post(path() + "/" + action(), this.json.writeValueAsString(body));
		}

	}

	/** {@code steward change complete --id ID [--note N]}. */
	@Command(name = "complete", mixinStandardHelpOptions = true, description = "The change was carried out.")
	static class Complete extends Finish {

		@Override
		String action() {
			return "complete";
		}

	}

	/** {@code steward change fail --id ID [--note N]}. */
	@Command(name = "fail", mixinStandardHelpOptions = true, description = "The change failed.")
	static class Fail extends Finish {

		@Override
		String action() {
			return "fail";
		}

	}

	/** {@code steward change cancel --id ID [--note N]}. */
	@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a change that has not started.")
	static class Cancel extends Finish {

		@Override
		String action() {
			return "cancel";
		}

	}

	/** Reads {@code --category}. */
	static class Categories extends ServerRequestCommand.ApiValues<Category> {

		Categories() {
			super(Category.class);
		}

	}

	/** Reads {@code --risk}. */
	static class Risks extends ServerRequestCommand.ApiValues<Risk> {

		Risks() {
			super(Risk.class);
		}

	}

	/** Reads {@code --status} of {@code list}. */
	static class Statuses extends ServerRequestCommand.ApiValues<Status> {

		Statuses() {
			super(Status.class);
		}

	}

	/** {@code Change 7 of payments-api (Resize the pool): submitted}. */
	static String headline(JsonNode change) {
		return "Change " + change.path("id").asLong() + " of " + change.path("service").asString() + " ("
				+ title(change) + "): " + change.path("status").asString();
	}

	private static String title(JsonNode change) {
		return change.path("title").isString() ? change.path("title").asString()
				: change.path("category").asString() + ", " + change.path("risk").asString() + " risk";
	}

	private static String needed(JsonNode change) {
		List<String> needed = new ArrayList<>();
		change.path("approvalsNeeded").forEach(need -> needed.add(need.asString()));
		return String.join(", ", needed);
	}

}
