package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A command that asks the server (in one request, or a few) and prints the answer as text
 * (in a time zone of the user's choice) or as the server's JSON; a refusal prints the
 * problem's detail and field errors and exits per {@link ExitCodes}.
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
			JsonNode answer = answer();
			if (this.output == OutputFormat.JSON) {
				System.out.println(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
			}
			else {
				print(answer);
			}
			return exitCode(answer);
		}
		catch (Refusal refusal) {
			printProblem(refusal.status, refusal.problem);
			return refusal.status == 403 || refusal.status == 409 ? ExitCodes.REFUSED : ExitCodes.ERROR;
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
	 * The exit code of a successful answer: {@link ExitCodes#OK}, unless the answer
	 * itself says that a pipeline should stop (a closed gate, a blocked deployment).
	 */
	int exitCode(JsonNode answer) {
		return ExitCodes.OK;
	}

	/**
	 * The answer to print: that of the command's request, unless a command needs more
	 * than one.
	 */
	JsonNode answer() throws IOException, InterruptedException {
		return accepted(send());
	}

	/**
	 * The JSON of a successful response; any other ends the command with the problem it
	 * reports.
	 */
	JsonNode accepted(HttpResponse<String> response) {
		JsonNode answer = parse(response.body());
		if (response.statusCode() / 100 != 2) {
			throw new Refusal(response.statusCode(), answer);
		}
		return answer;
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

	/**
	 * An option's value as the API spells it: {@code TRIGGERED} as {@code triggered},
	 * {@code BLUE_GREEN} as {@code blue-green}.
	 */
	static String apiName(Enum<?> value) {
		return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Reads an option's value as the API spells it ({@code blue-green}) or as the
	 * constant's name ({@code BLUE_GREEN}), in any case; the values are the option's
	 * completion candidates, {@code ${COMPLETION-CANDIDATES}} in its description.
	 */
	abstract static class ApiValues<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {

		private final Class<E> type;

		ApiValues(Class<E> type) {
			this.type = type;
		}

		@Override
		public E convert(String value) {
			for (E constant : this.type.getEnumConstants()) {
				if (apiName(constant).equalsIgnoreCase(value.replace('_', '-'))) {
					return constant;
				}
			}
			throw new CommandLine.TypeConversionException(
					"expected one of " + String.join(", ", this) + " but was '" + value + "'");
		}

		@Override
		public Iterator<String> iterator() {
			return Arrays.stream(this.type.getEnumConstants()).map(ServerRequestCommand::apiName).iterator();
		}

	}

	/**
	 * Prints rows as columns two spaces apart, each as wide as its widest cell (the last
	 * is not padded, and no line ends in spaces).
	 */
	static void printTable(List<String[]> rows) {
		int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
		int[] widths = new int[columns];
		rows.forEach(row -> {
			for (int column = 0; column < row.length; column++) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		});
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int column = 0; column < row.length; column++) {
				boolean last = column == row.length - 1;
				line.append(last ? row[column] : ("%-" + widths[column] + "s  ").formatted(row[column]));
			}
			System.out.println(line.toString().stripTrailing());
		}
	}

	/** A response that was not a success, and the problem details it carried. */
	private static final class Refusal extends RuntimeException {

		private final int status;

		private final JsonNode problem;

		Refusal(int status, JsonNode problem) {
			super("Steward answered " + status, null, false, false);
			this.status = status;
			this.problem = problem;
		}

	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return this.json.missingNode();
		}
	}

	private void printProblem(int status, JsonNode problem) {
		String detail = problem.path("detail").isString() ? problem.path("detail").asString() : "";
		System.err.println("error: " + (detail.isBlank() ? "Steward answered " + status : detail));
		for (JsonNode error : problem.path("errors")) {
			System.err.println("  " + error.path("field").asString() + ": " + error.path("message").asString());
		}
		for (JsonNode change : problem.path("breakingChanges")) {
			System.err.println("  " + ApiCommand.describe(change));
		}
		if (problem.path("gate").isObject()) {
			GateCommand.describe(problem.path("gate"), this::time).forEach(System.err::println);
		}
	}

}
