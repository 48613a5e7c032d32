package dev.steward.slas;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pulling SLO counts from a real Prometheus (Debian's {@code prometheus} binary) that
 * scrapes two counters this test serves and increments. Prometheus keeps real time, so
 * this test has a server of its own (own database, own test clock at real time) that no
 * other test has moved ahead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:prometheus-pull;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class PrometheusPullTests extends ApiTest {

	private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

	private static final AtomicLong GOOD = new AtomicLong();

	private static final AtomicLong TOTAL = new AtomicLong();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static HttpServer app;

	private static Process prometheus;

	private static Path directory;

	private static String prometheusUrl;

	@Autowired
	SloPulls pulls;

	private String service;

	private String slos;

	@BeforeEach
	void service() {
		this.service = service(team(), 2);
		this.slos = "/api/v1/services/" + this.service + "/slos";
	}

	@Test
	void pulledCountsShowOnTheSloStatus() throws Exception {
		startPrometheus();
		awaitValue("app_requests_total", 0);
		for (int burst = 1; burst <= 5; burst++) {
			GOOD.addAndGet(9);
			TOTAL.addAndGet(10);
			awaitValue("app_requests_total", 10L * burst);
		}
		created(this.api.post(this.slos,
				Map.of("name", "requests", "indicator", "availability", "objective", 80.0, "window", "P30D",
						"prometheus", Map.of("url", prometheusUrl, "goodQuery", "app_requests_good_total", "totalQuery",
								"sum(increase(app_requests_total[$window]))"))));

		// increase() over minute windows extrapolates and may miss the rise between two
		// windows' samples, so the counts are near, not equal to, what the app counted;
		// a pull replaces the minutes it brings, so pulling until they are in is safe
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			SloPull pull = this.pulls.pull(this.service, "requests", Instant.now());
			assertThat(pull.ok()).as(pull.toString()).isTrue();
			JsonNode status = ok(this.api.get(this.slos + "/requests")).json();
			long total = status.path("totalEvents").asLong();
			long good = status.path("goodEvents").asLong();
			assertThat(total).as(status.toString()).isBetween(35L, 70L);
			assertThat(good).as(status.toString()).isBetween((long) (total * 0.75), total);
			assertThat(status.path("lastPull").path("ok").asBoolean()).isTrue();
			assertThat(status.path("lastPull").path("error").isNull()).isTrue();
		});

		SloPull again = this.pulls.pull(this.service, "requests", Instant.now());
		assertThat(again.ok()).isTrue();
		assertThat(ok(this.api.get(this.slos + "/requests")).json().path("totalEvents").asLong())
			.as("pulled again, minutes are replaced, not added")
			.isBetween(35L, 70L);
	}

	@Test
	void aFailedPullIsShownOnTheSloAndFailsNothing() throws IOException {
		String unreachable = "http://127.0.0.1:" + freePort();
		created(this.api.post(this.slos, Map.of("name", "requests", "indicator", "availability", "objective", 99.0,
				"window", "P30D", "prometheus",
				Map.of("url", unreachable, "goodQuery", "good_total", "totalQuery", "sum(increase(total[$window]))"))));

		SloPull pull = this.pulls.pull(this.service, "requests");

		assertThat(pull.ok()).isFalse();
		assertThat(pull.error()).startsWith("Prometheus could not be reached");
		JsonNode status = ok(this.api.get(this.slos + "/requests")).json();
		assertThat(status.path("lastPull").path("ok").asBoolean()).isFalse();
		assertThat(status.path("lastPull").path("error").asString()).startsWith("Prometheus could not be reached");
		assertThat(status.path("totalEvents").asLong()).isZero();
	}

	/**
	 * Starts the app's metrics endpoint and Prometheus scraping it every second, once.
	 */
	private static synchronized void startPrometheus() throws Exception {
		assumeTrue(Files.isExecutable(PROMETHEUS),
				"Pulling from Prometheus needs Debian's prometheus package: apt-get install -y prometheus");
		if (prometheus != null) {
			return;
		}
		app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		app.createContext("/metrics", exchange -> {
			byte[] body = ("# TYPE app_requests_good_total counter\napp_requests_good_total " + GOOD.get()
					+ "\n# TYPE app_requests_total counter\napp_requests_total " + TOTAL.get() + "\n")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		app.start();
		directory = Files.createTempDirectory("steward-prometheus");
		Path config = directory.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: app
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(app.getAddress().getPort()));
		int port = freePort();
		prometheusUrl = "http://127.0.0.1:" + port;
		prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
	}

	/** Waits until Prometheus has scraped the value of a counter. */
	private static void awaitValue(String metric, long value) {
		Awaitility.await("Prometheus to see " + metric + " = " + value)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsInstanceOf(IOException.class)
			.untilAsserted(() -> {
				assertThat(prometheus.isAlive()).as("Prometheus is running; see " + directory.resolve("prometheus.log"))
					.isTrue();
				HttpResponse<String> response = HTTP.send(
						HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/query?query=" + metric)).build(),
						HttpResponse.BodyHandlers.ofString());
				String body = response.body();
				assertThat(response.statusCode()).as("Prometheus is ready: " + body).isEqualTo(200);
				JsonNode result = JSON.readTree(body).path("data").path("result");
				assertThat(result.size()).as(body).isEqualTo(1);
				assertThat(Double.parseDouble(result.get(0).path("value").path(1).asString())).as(body)
					.isEqualTo((double) value);
			});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@AfterAll
	static void stopPrometheus() throws Exception {
		if (prometheus != null) {
			prometheus.destroy();
			if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
				prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			prometheus = null;
		}
		if (app != null) {
			app.stop(0);
			app = null;
		}
	}

}
