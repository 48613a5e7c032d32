package dev.steward.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StewardCommandTest {

	private String run(String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			assertThat(StewardCommand.execute(Object.class, args)).isZero();
		}
		finally {
			System.setOut(original);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void helpAndVersionNeedNoServer() {
		assertThat(run("--help")).contains("Usage: steward").contains("server");
		assertThat(run("--version")).startsWith("steward ");
		assertThat(run("generate-completion")).contains("complete -F")
			.contains("apply")
			.contains("validate")
			.contains("oncall")
			.contains("--schedule")
			.contains("incident")
			.contains("event")
			.contains("--routing-key")
			.contains("gate")
			.contains("deploy")
			.contains("rolled-back")
			.contains("blue-green")
			.contains("change")
			.contains("os-tuning");
		assertThat(run("server", "--help")).contains("--port")
			.contains("--data-dir")
			.contains("--demo")
			.contains("--db-url");
	}

}
