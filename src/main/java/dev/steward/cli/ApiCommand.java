package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code steward api}: publish, deprecate and retire versions of a service's APIs from a
 * pipeline, and see the versions of one.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
		description = "Publish a version of an API from its contract file (refused when it breaks the clients of its "
				+ "major), check one without publishing, deprecate and retire versions, list them. Exit 0 on "
				+ "success, 1 on invalid input or errors, 3 when the server refuses (breaking changes, consumers "
				+ "left, not the owning team, the wrong status).",
		subcommands = { ApiCommand.Publish.class, ApiCommand.Deprecate.class, ApiCommand.Retire.class,
				ApiCommand.Versions.class })
class ApiCommand {

	/** What names one version of an API. */
	abstract static class VersionCommand extends ServerRequestCommand {

		@Parameters(index = "0", paramLabel = "API", description = "The API.")
		String api;

		@Parameters(index = "1", paramLabel = "VERSION", description = "The semantic version, such as 1.2.0.")
		String version;

		String path() {
			return "/api/v1/apis/" + ServerConnection.encode(this.api) + "/versions";
		}

		@Override
		void print(JsonNode answer) {
			System.out.println(answer.path("api").asString() + " " + answer.path("version").asString() + ": "
					+ answer.path("status").asString()
					+ (answer.path("sunset").isString() ? " (sunset " + answer.path("sunset").asString() + ")" : ""));
		}

	}

	/** {@code steward api publish API VERSION -f openapi.yaml [--draft] [--dry-run]}. */
	@Command(name = "publish", mixinStandardHelpOptions = true,
			description = "Publish (or keep as a draft) a version with the contract in a file, and print what changed "
					+ "since the version before it. An OpenAPI version that breaks the newest published version of "
					+ "its major is refused with each breaking change (exit 3); with --dry-run nothing is stored.")
	static class Publish extends VersionCommand {

		@Option(names = { "-f", "--file" }, required = true, description = "The contract document (JSON or YAML).")
		Path file;

		@Option(names = "--draft", description = "Keep it as a draft, to publish later.")
		boolean draft;

		@Option(names = "--dry-run", description = "Only check it: compare and answer, store nothing.")
		boolean dryRun;

		@Override
		public Integer call() {
			if (!Files.isRegularFile(this.file) || !Files.isReadable(this.file)) {
				System.err.println("error: cannot read the contract file " + this.file);
				return ExitCodes.ERROR;
			}
			return super.call();
		}

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("version", this.version);
			body.put("spec", Files.readString(this.file));
			body.put("status", this.draft ? "draft" : "published");
			return this.server.post(path() + (this.dryRun ? "?dryRun=true" : ""), this.json.writeValueAsString(body));
		}

		@Override
		void print(JsonNode answer) {
			if (this.dryRun) {
				System.out.print("Dry run, nothing stored: ");
			}
			super.print(answer);
			if (answer.path("comparedWith").isString()) {
				List<JsonNode> changes = new ArrayList<>();
				answer.path("changes").forEach(changes::add);
				long breaking = changes.stream().filter(change -> change.path("breaking").asBoolean()).count();
				System.out.println("Compared with " + answer.path("comparedWith").asString() + ": " + changes.size()
						+ " change(s), " + (breaking == 0 ? "none" : breaking) + " breaking");
				changes.forEach(change -> System.out.println("  " + describe(change)));
			}
		}

	}

	/** {@code steward api deprecate API VERSION --sunset YYYY-MM-DD}. */
	@Command(name = "deprecate", mixinStandardHelpOptions = true,
			description = "Deprecate a published version (or move its sunset); the teams of its consumers are mailed.")
	static class Deprecate extends VersionCommand {

		@Option(names = "--sunset", required = true, description = "The date after which it goes away (YYYY-MM-DD).")
		LocalDate sunset;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post(path() + "/" + ServerConnection.encode(this.version) + "/deprecate",
					this.json.writeValueAsString(Map.of("sunset", this.sunset.toString())));
		}

	}

	/** {@code steward api retire API VERSION}. */
	@Command(name = "retire", mixinStandardHelpOptions = true,
			description = "Retire a deprecated version; refused while consumers of its major have no other "
					+ "published version.")
	static class Retire extends VersionCommand {

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.post(path() + "/" + ServerConnection.encode(this.version) + "/retire", "");
		}

	}

	/** {@code steward api versions API}. */
	@Command(name = "versions", mixinStandardHelpOptions = true,
			description = "List the versions of an API, newest first.")
	static class Versions extends ServerRequestCommand {

		@Parameters(index = "0", paramLabel = "API", description = "The API.")
		String api;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get("/api/v1/apis/" + ServerConnection.encode(this.api) + "/versions");
		}

		@Override
		void print(JsonNode answer) {
			List<String[]> rows = new ArrayList<>();
			rows.add(new String[] { "VERSION", "STATUS", "SUNSET", "PUBLISHED" });
			for (JsonNode version : answer.path("items")) {
				rows.add(new String[] { version.path("version").asString(),
						version.path("status").asString()
								+ (version.path("pastSunset").asBoolean() ? " (past sunset)" : ""),
						version.path("sunset").isString() ? version.path("sunset").asString() : "-",
						version.path("publishedAt").isString() ? time(version.path("publishedAt")) : "-" });
			}
			printTable(rows);
		}

	}

	/** A change between two contract versions as one line: kind, place and meaning. */
	static String describe(JsonNode change) {
		return (change.path("breaking").asBoolean() ? "breaking: " : "") + change.path("path").asString() + ": "
				+ change.path("message").asString() + " (" + change.path("type").asString() + ")";
	}

}
