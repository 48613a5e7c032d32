package dev.steward.cli;

import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/info} tells which version and commit a node runs, and
 * {@code steward --version} says the same.
 */
class VersionTests extends ApiTest {

	@Test
	void infoAndTheCommandLineTellTheSameVersionAndCommit() {
		JsonNode info = ok(this.api.withToken(null).get("/actuator/info")).json();
		String version = info.path("build").path("version").asString();
		String commit = info.path("git").path("commit").path("id").asString();
		assertThat(version).isNotBlank();
		assertThat(commit).matches("[0-9a-f]{7,}");
		assertThat(info.path("java").path("version").asString()).isNotBlank();

		CommandOutput cli = CommandOutput.run("--version");
		assertThat(cli.exitCode()).isZero();
		assertThat(cli.out()).startsWith("steward " + version + " (commit " + commit + ", ");
	}

}
