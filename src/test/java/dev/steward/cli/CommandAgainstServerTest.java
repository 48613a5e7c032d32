package dev.steward.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of tests that run {@code steward} commands against the running test server. */
abstract class CommandAgainstServerTest extends ApiTest {

	/** The server's clock, which other tests may have moved ahead of real time. */
	@Autowired
	protected TestClock clock;

	/** How the commands print times. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

	/** Runs a command line against the test server with an API token. */
	CommandOutput stewardAs(String token, String... args) {
		return CommandOutput.run(
				Stream.concat(Stream.of(args), Stream.of("--server", "http://127.0.0.1:" + this.port, "--token", token))
					.toArray(String[]::new));
	}

	/** Runs a command line as the administrator and asserts that it succeeds. */
	CommandOutput steward(String... args) {
		CommandOutput result = stewardAs(ADMIN_TOKEN, args);
		assertThat(result.exitCode()).as(result.err()).isZero();
		return result;
	}

	/**
	 * A one-off window of a service in one environment, read in UTC; its unique name.
	 */
	String window(String service, String environment, String kind, Instant start, Instant end, String reason) {
		String name = unique(kind.equals("deny") ? "freeze" : "allow");
		created(this.api.post("/api/v1/windows",
				Map.of("name", name, "scope", "service:" + service, "kind", kind, "start", start.toString(), "end",
						end.toString(), "timeZone", "UTC", "environments", List.of(environment), "reason", reason)));
		return name;
	}

	/** An instant as the commands print it with {@code --zone UTC}. */
	static String utc(Instant instant) {
		return TIME.format(instant.atZone(ZoneOffset.UTC));
	}

	/** A new token of the user that may write. */
	String writeToken(String user) {
		return created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "cli", "scopes", List.of("write"))))
			.json()
			.path("token")
			.asString();
	}

}
