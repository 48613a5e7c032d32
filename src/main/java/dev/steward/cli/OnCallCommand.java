package dev.steward.cli;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code steward oncall}: who is on call, a user's shifts, and overrides. */
@Command(name = "oncall", mixinStandardHelpOptions = true,
		description = "Who is on call for a service, a user's shifts, and overrides. Times are RFC 3339, "
				+ "such as 2027-01-04T09:00:00Z or 2027-01-04T10:00:00+01:00. Exit 0 on success, 1 on invalid "
				+ "input or errors, 3 when the server refuses by policy.",
		subcommands = { OnCallCommand.Who.class, OnCallCommand.Shifts.class, OnCallCommand.AddOverride.class })
class OnCallCommand {

	/** {@code steward oncall who --service S [--at T]}. */
	@Command(name = "who", mixinStandardHelpOptions = true,
			description = "Print whom each level of a service's escalation policy reaches at an instant.")
	static class Who extends ServerRequestCommand {

		@Option(names = "--service", required = true, description = "The service.")
		String service;

		@Option(names = "--at", converter = Rfc3339.class, description = "The instant (default: now).")
		Instant at;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get("/api/v1/services/" + ServerConnection.encode(this.service) + "/oncall"
					+ query(new Parameter("at", this.at)));
		}

		@Override
		void print(JsonNode answer) {
			if (!answer.path("policy").isString()) {
				System.out.println(this.service + " names no escalation policy: nobody is paged");
				return;
			}
			System.out.println("On call for " + this.service + " (escalation policy " + answer.path("policy").asString()
					+ ") at " + time(answer.path("at")));
			for (JsonNode level : answer.path("levels")) {
				List<String> users = strings(level.path("users"));
				System.out.println(
						"level " + level.path("level").asInt() + ", escalates after " + level.path("delay").asString()
								+ ": " + (users.isEmpty() ? "nobody" : String.join(", ", users)));
				for (JsonNode target : level.path("targets")) {
					if (!target.path("user").isString()) {
						System.out.println("  ! " + target.path("type").asString() + " "
								+ target.path("name").asString() + " has nobody on call");
					}
				}
			}
		}

	}

	/** {@code steward oncall shifts --user U [--since T] [--until T]}. */
	@Command(name = "shifts", mixinStandardHelpOptions = true,
			description = "Print a user's shifts in every schedule, in time order.")
	static class Shifts extends ServerRequestCommand {

		@Option(names = "--user", required = true, description = "The user.")
		String user;

		@Option(names = "--since", converter = Rfc3339.class,
				description = "Start of the range (default: now, or 14 days before --until).")
		Instant since;

		@Option(names = "--until", converter = Rfc3339.class,
				description = "End of the range (default: 14 days after the start).")
		Instant until;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			return this.server.get("/api/v1/users/" + ServerConnection.encode(this.user) + "/shifts"
					+ query(new Parameter("since", this.since), new Parameter("until", this.until)));
		}

		@Override
		void print(JsonNode answer) {
			JsonNode shifts = answer.path("items");
			if (shifts.isEmpty()) {
				System.out.println(this.user + " has no shifts in this range");
				return;
			}
			List<String[]> rows = new ArrayList<>();
			rows.add(new String[] { "SCHEDULE", "START (" + this.zone + ")", "END" });
			for (JsonNode shift : shifts) {
				rows.add(new String[] { shift.path("schedule").asString(), time(shift.path("start")),
						time(shift.path("end")) });
			}
			printTable(rows);
		}

	}

	/** {@code steward oncall override --schedule S --user U --start T --end T}. */
	@Command(name = "override", mixinStandardHelpOptions = true,
			description = "Put a user on call in a schedule for a while, over its rotations.")
	static class AddOverride extends ServerRequestCommand {

		@Option(names = "--schedule", required = true, description = "The schedule.")
		String schedule;

		@Option(names = "--user", required = true, description = "Who is on call instead.")
		String user;

		@Option(names = "--start", required = true, converter = Rfc3339.class, description = "When it starts.")
		Instant start;

		@Option(names = "--end", required = true, converter = Rfc3339.class, description = "When it ends.")
		Instant end;

		@Override
		HttpResponse<String> send() throws IOException, InterruptedException {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("user", this.user);
			body.put("start", this.start.toString());
			body.put("end", this.end.toString());
			return this.server.post("/api/v1/schedules/" + ServerConnection.encode(this.schedule) + "/overrides",
					this.json.writeValueAsString(body));
		}

		@Override
		void print(JsonNode answer) {
			System.out.println("Override " + answer.path("id").asLong() + " in " + answer.path("schedule").asString()
					+ ": " + answer.path("user").asString() + " is on call from " + time(answer.path("start")) + " to "
					+ time(answer.path("end")));
		}

	}

	/** Reads an RFC 3339 time, with {@code Z} or an offset. */
	static class Rfc3339 implements CommandLine.ITypeConverter<Instant> {

		@Override
		public Instant convert(String value) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new CommandLine.TypeConversionException(
						"'" + value + "' is not an RFC 3339 time such as 2027-01-04T09:00:00Z");
			}
		}

	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

}
