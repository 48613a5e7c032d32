package dev.steward.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of tests that run {@code steward} commands against the running test server. */
abstract class CommandAgainstServerTest extends ApiTest {

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

	/** A new token of the user that may write. */
	String writeToken(String user) {
		return created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "cli", "scopes", List.of("write"))))
			.json()
			.path("token")
			.asString();
	}

}
