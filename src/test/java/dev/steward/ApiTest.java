package dev.steward;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of HTTP tests: one running server shared by all of them (on H2, or on PostgreSQL
 * when SPRING_DATASOURCE_URL is set), an admin client, and fixtures with unique names so
 * tests never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
public abstract class ApiTest {

	public static final String ADMIN_TOKEN = "test-admin-token";

	@LocalServerPort
	protected int port;

	private static final AtomicInteger ENVIRONMENT_ORDER = new AtomicInteger(
			1000 + ThreadLocalRandom.current().nextInt(8000));

	protected ApiClient api;

	@BeforeEach
	void connect() {
		this.api = new ApiClient("http://127.0.0.1:" + this.port, ADMIN_TOKEN);
	}

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected String user() {
		return user("Europe/Berlin");
	}

	/** A new user whose own time zone is {@code timeZone} (an IANA zone id). */
	protected String user(String timeZone) {
		String name = unique("user");
		created(this.api.post("/api/v1/users", Map.of("name", name, "displayName", "User " + name, "email",
				name + "@example.com", "timeZone", timeZone)));
		return name;
	}

	protected String team() {
		return team("stream", List.of());
	}

	protected String team(String kind, List<Map<String, String>> members) {
		String name = unique("team");
		created(this.api.post("/api/v1/teams",
				Map.of("name", name, "title", "Team " + name, "kind", kind, "members", members)));
		return name;
	}

	protected String service(String owner, int tier) {
		String name = unique("svc");
		created(this.api.post("/api/v1/services",
				Map.of("name", name, "title", "Service " + name, "owner", owner, "tier", tier)));
		return name;
	}

	/** A new integration key of {@code service}: the routing key its events carry. */
	protected String integrationKey(String service) {
		return created(this.api.post("/api/v1/services/" + service + "/integration-keys", Map.of())).json()
			.path("key")
			.asString();
	}

	/**
	 * Makes sure the shared environments {@code staging} (order 50, not production) and
	 * {@code production} (order 100) exist, as windows and deployments default to them.
	 */
	protected void standardEnvironments() {
		for (Map<String, Object> environment : List.<Map<String, Object>>of(
				Map.of("name", "staging", "kind", "non-production", "order", 50),
				Map.of("name", "production", "kind", "production", "order", 100))) {
			ApiClient.Reply reply = this.api.post("/api/v1/environments", environment);
			assertThat(reply.status()).as(reply.toString()).isIn(201, 409);
		}
	}

	/** A new environment of {@code kind} at a free place in the promotion order. */
	protected String environment(String kind, boolean promotionRequired) {
		String name = unique("env");
		created(this.api.post("/api/v1/environments", Map.of("name", name, "kind", kind, "order", environmentOrder(),
				"promotionRequired", promotionRequired)));
		return name;
	}

	/** A place in the promotion order that no other test has taken. */
	protected static int environmentOrder() {
		return ENVIRONMENT_ORDER.incrementAndGet();
	}

	protected static ApiClient.Reply created(ApiClient.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply;
	}

	protected static ApiClient.Reply ok(ApiClient.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply;
	}

	/**
	 * Asserts a problem detail with the status and, for invalid input, the offending
	 * field.
	 */
	protected static void problem(ApiClient.Reply reply, int status, String field) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(reply.json().path("status").asInt()).isEqualTo(status);
		assertThat(reply.json().path("title").asString()).isNotBlank();
		if (field != null) {
			assertThat(reply.json().path("errors").findValuesAsString("field")).contains(field);
		}
	}

}
