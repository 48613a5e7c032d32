package dev.steward.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steward.ApiTest;
import dev.steward.NodeDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real {@code steward server} process stops gracefully on SIGTERM: its readiness turns
 * to refusing, it takes no new connection, the request in flight (an apply whose body is
 * still arriving) completes, and the process exits with 0 within 30 s.
 */
class GracefulShutdownTests {

	private static final Pattern RUNNING_AT = Pattern.compile("Steward is running at (http://\\S+)");

	/**
	 * Blanks in the body before its last part: more than the loopback socket buffers
	 * hold, so that the client's write returns only once the server is reading the body,
	 * that is once the request is in flight.
	 */
	private static final int PADDING = 24 << 20;

	/** Startup on a busy two-core machine; a quiet one takes a few seconds. */
	private static final Duration STARTUP = Duration.ofMinutes(2);

	private static final Duration SHUTDOWN = Duration.ofSeconds(30);

	private final NodeDatabase database = NodeDatabase.create();

	private Process server;

	private final StringBuffer output = new StringBuffer();

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.destroyForcibly();
		}
		this.database.drop();
	}

	@Test
	void sigtermRefusesNewConnectionsFinishesTheRequestInFlightAndExitsWithZero(@TempDir Path dataDir)
			throws Exception {
		URI base = URI.create(startServer(dataDir));
		try (Socket upload = new Socket(base.getHost(), base.getPort())) {
			upload.setSoTimeout((int) SHUTDOWN.toMillis());
			byte[] head = utf8("{\"documents\": [" + " ".repeat(PADDING));
			byte[] tail = utf8("""
					{"apiVersion": "steward.dev/v1", "kind": "User", "metadata": {"name": "drained"},
					 "spec": {"displayName": "Drained", "email": "drained@example.com", "timeZone": "UTC"}}]}""");
			OutputStream out = upload.getOutputStream();
			out.write(utf8("POST /api/v1/apply HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer "
					+ ApiTest.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: "
					+ (head.length + tail.length) + "\r\nConnection: close\r\n\r\n"));
			out.write(head);
			out.flush();

			Instant terminated = Instant.now();
			this.server.toHandle().destroy();
			await().atMost(SHUTDOWN).until(() -> refusesConnections(base));
			await().atMost(SHUTDOWN).until(() -> this.output.toString().contains("Commencing graceful shutdown"));
			assertThat(this.output.toString()).as("readiness refuses before the drain starts")
				.containsSubsequence("ReadinessState changed from ACCEPTING_TRAFFIC to REFUSING_TRAFFIC",
						"Commencing graceful shutdown")
				.as("the drain waits for the request in flight")
				.doesNotContain("Graceful shutdown complete");

			out.write(tail);
			out.flush();
			String answer = new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 200").contains("\"create\":1");

			assertThat(this.server.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)).as(this.output.toString()).isTrue();
			assertThat(this.server.exitValue()).as(this.output.toString()).isZero();
			assertThat(Duration.between(terminated, Instant.now())).isLessThan(SHUTDOWN);
			assertThat(this.output.toString()).contains("Graceful shutdown complete");
		}
	}

	/**
	 * Starts {@code steward server} on a free port and its own database, with the
	 * availability changes and Tomcat's shutdown in its log; answers its address.
	 */
	private String startServer(Path dataDir) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
				"-Dlogging.level.org.springframework.boot.availability=debug",
				"-Dlogging.level.org.springframework.boot.tomcat=info", "-cp", System.getProperty("java.class.path"),
				"dev.steward.Steward", "server", "--port", "0", "--data-dir", dataDir.toString(), "--db-url",
				this.database.url(), "--db-user", this.database.user(), "--db-password", this.database.password())
			.redirectErrorStream(true);
		this.server = builder.start();
		Thread.ofVirtual().start(this::collectOutput);
		await().atMost(STARTUP)
			.until(() -> RUNNING_AT.matcher(this.output.toString()).find() || !this.server.isAlive());
		Matcher running = RUNNING_AT.matcher(this.output.toString());
		assertThat(running.find()).as(this.output.toString()).isTrue();
		return running.group(1).replace("localhost", "127.0.0.1");
	}

	private void collectOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.server.getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().forEach(line -> this.output.append(line).append('\n'));
		}
		catch (IOException | UncheckedIOException ex) {
			this.output.append("(the rest of the output is lost: ").append(ex.getMessage()).append(")\n");
		}
	}

	private static boolean refusesConnections(URI base) throws IOException {
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			return false;
		}
		catch (ConnectException ex) {
			return true;
		}
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
