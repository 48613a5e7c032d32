package dev.steward;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs Prometheus's {@code promtool} from Debian's {@code prometheus} package; a test
 * that needs it is skipped, with the command that installs it, where it is missing.
 */
public final class Promtool {

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	private Promtool() {
	}

	/**
	 * Runs {@code promtool} with {@code arguments} in {@code directory}, asserts that it
	 * succeeds and answers what it printed.
	 */
	public static String succeeds(Path directory, String... arguments) throws IOException, InterruptedException {
		assumeTrue(Files.isExecutable(PROMTOOL),
				"This test needs promtool from Debian's prometheus package: apt-get install -y prometheus");
		List<String> command = new ArrayList<>();
		command.add(PROMTOOL.toString());
		command.addAll(List.of(arguments));
		Process promtool = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		assertThat(promtool.exitValue()).as(output).isZero();
		return output;
	}

}
