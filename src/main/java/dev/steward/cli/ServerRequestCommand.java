package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A command that makes one request to the server and prints the answer as text (in a time
 * zone of the user's choice) or as the server's JSON; a refusal prints the problem's
 * detail and field errors and exits per {@link ExitCodes}.
 */
abstract class ServerRequestCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

	@Mixin
	ServerConnection server;

	@Option(names = "--output", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
	OutputFormat output;

	@Option(names = "--zone", description = "Time zone to show times in, such as UTC or Europe/Berlin "
			+ "(default: this computer's, ${DEFAULT-VALUE}).")
	ZoneId zone = ZoneId.systemDefault();

	final JsonMapper json = JsonMapper.builder().build();

	/** The output formats of an answer. */
	enum OutputFormat {

		TEXT, JSON

	}

	/** Sends the command's request. */
	abstract HttpResponse<String> send() throws IOException, InterruptedException;

	/** Prints a successful answer for people. */
	abstract void print(JsonNode answer);

	@Override
	public Integer call() {
		try {
			HttpResponse<String> response = send();
			JsonNode answer = parse(response.body());
			if (response.statusCode() / 100 != 2) {
				printProblem(response.statusCode(), answer);
				return response.statusCode() == 403 || response.statusCode() == 409 ? ExitCodes.REFUSED
						: ExitCodes.ERROR;
			}
			if (this.output == OutputFormat.JSON) {
				System.out.println(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
			}
			else {
				print(answer);
			}
			return ExitCodes.OK;
		}
		catch (IOException ex) {
			System.err.println("error: cannot reach Steward at " + this.server.server + ": "
					+ Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName()));
			return ExitCodes.ERROR;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ExitCodes.ERROR;
		}
	}

	/**
	 * An instant of an answer in the chosen zone, such as
	 * {@code 2027-01-04 10:00 +01:00}.
	 */
	String time(JsonNode instant) {
		return TIME.format(Instant.parse(instant.asString()).atZone(this.zone));
	}

	/** {@code ?name=value&…} of the parameters that have a value, or {@code ""}. */
	static String query(Parameter... parameters) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		for (Parameter parameter : parameters) {
			if (parameter.value() != null) {
				query.add(parameter.name() + "=" + ServerConnection.encode(parameter.value().toString()));
			}
		}
		return query.toString();
	}

	/** A query parameter, left out when its value is {@code null}. */
	record Parameter(String name, Object value) {
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return this.json.missingNode();
		}
	}

	private static void printProblem(int status, JsonNode problem) {
		String detail = problem.path("detail").isString() ? problem.path("detail").asString() : "";
		System.err.println("error: " + (detail.isBlank() ? "Steward answered " + status : detail));
		for (JsonNode error : problem.path("errors")) {
			System.err.println("  " + error.path("field").asString() + ": " + error.path("message").asString());
		}
	}

}
