package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code steward apply -f PATH…}: sends catalog files to the server, which plans and
 * applies them atomically.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
		description = "Apply catalog files to a Steward server in one transaction and print the plan. "
				+ "Exit 0 when applied, 1 on invalid input or errors, 3 when the server refuses by policy.")
class ApplyCommand implements Callable<Integer> {

	private static final Pattern DOCUMENT_FIELD = Pattern.compile("^documents\\[(\\d+)]\\.?(.*)$");

	@Option(names = { "-f", "--filename" }, required = true, arity = "1..*",
			description = "Files or directories (*.yaml, *.yml, recursively).")
	List<Path> paths;

	@Option(names = "--dry-run", description = "Compute and print the plan; change nothing.")
	boolean dryRun;

	@Option(names = "--prune",
			description = "Also delete deployment windows, SLOs, APIs, datastores, services, products, escalation policies, schedules, teams "
					+ "and environments that no file declares.")
	boolean prune;

	@Option(names = "--allow-transfer", description = "Let an owner change go through a recorded transfer.")
	boolean allowTransfer;

	@Option(names = "--output", defaultValue = "table",
			description = "How to print the plan: table, json or yaml (default: table).")
	OutputFormat output;

	@Mixin
	ServerConnection server;

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Integer call() {
		List<ManifestFiles.Document> documents = new ArrayList<>();
		try {
			for (ManifestFiles.Document document : ManifestFiles.load(this.paths)) {
				documents.add(ManifestFiles.inlined(document));
			}
		}
		catch (ManifestFiles.Unreadable ex) {
			System.err.println(ex.getMessage());
			return ExitCodes.ERROR;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("documents", documents.stream().map(ManifestFiles.Document::content).toList());
		body.put("dryRun", this.dryRun);
		body.put("prune", this.prune);
		body.put("allowTransfer", this.allowTransfer);
		try (Progress progress = Progress.start("Applying " + documents.size() + " document(s)")) {
			HttpResponse<String> response = this.server.post("/api/v1/apply", this.json.writeValueAsString(body));
			progress.done();
			JsonNode answer = this.json.readTree(response.body());
			if (response.statusCode() == 200) {
				switch (this.output) {
					case JSON ->
						System.out.println(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
					case YAML -> System.out
						.print(new org.yaml.snakeyaml.Yaml().dump(this.json.treeToValue(answer, Object.class)));
					case TABLE -> printPlan(answer);
				}
				return ExitCodes.OK;
			}
			printProblem(answer, documents);
			return response.statusCode() == 403 || response.statusCode() == 409 ? ExitCodes.REFUSED : ExitCodes.ERROR;
		}
		catch (IOException | JacksonException ex) {
			System.err.println("Cannot reach Steward at " + this.server.server + ": " + ex.getMessage());
			return ExitCodes.ERROR;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ExitCodes.ERROR;
		}
	}

	/** The output formats of the plan. */
	enum OutputFormat {

		TABLE, JSON, YAML

	}

	private void printPlan(JsonNode answer) {
		List<String[]> rows = new ArrayList<>();
		for (JsonNode item : answer.path("plan")) {
			if (!"unchanged".equals(item.path("action").asString())) {
				List<String> changes = new ArrayList<>();
				item.path("changes").forEach(change -> changes.add(change.asString()));
				rows.add(new String[] { item.path("action").asString(), item.path("kind").asString(),
						item.path("name").asString(), String.join(", ", changes) });
			}
		}
		int kindWidth = rows.stream().mapToInt(row -> row[1].length() + 1).max().orElse(0);
		rows.forEach(row -> System.out
			.println(("%-9s %-" + kindWidth + "s %-40s %s").formatted(row[0], row[1], row[2], row[3]).stripTrailing()));
		JsonNode summary = answer.path("summary");
		System.out.printf("%s%d to create, %d to update, %d unchanged, %d to delete%n",
				answer.path("dryRun").asBoolean() ? "Dry run, nothing changed: " : "Applied: ",
				summary.path("create").asInt(), summary.path("update").asInt(), summary.path("unchanged").asInt(),
				summary.path("delete").asInt());
	}

	private static void printProblem(JsonNode problem, List<ManifestFiles.Document> documents) {
		System.err.println(problem.path("title").asString() + ": " + problem.path("detail").asString());
		for (JsonNode error : problem.path("errors")) {
			String field = error.path("field").asString();
			Matcher matcher = DOCUMENT_FIELD.matcher(field);
			String where = field;
			if (matcher.matches() && Integer.parseInt(matcher.group(1)) < documents.size()) {
				where = documents.get(Integer.parseInt(matcher.group(1))).where(matcher.group(2));
			}
			System.err.println("  " + where + ": " + field + " " + error.path("message").asString());
		}
		for (JsonNode change : problem.path("breakingChanges")) {
			System.err.println("  " + ApiCommand.describe(change));
		}
	}

}
