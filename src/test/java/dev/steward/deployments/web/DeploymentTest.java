package dev.steward.deployments.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of deployment tests: before each test a team with one member owns a new service,
 * and a new non-production environment without promotion is there to deploy to.
 */
abstract class DeploymentTest extends ApiTest {

	@Autowired
	protected TestClock clock;

	protected static final String DEPLOYMENTS = "/api/v1/deployments";

	protected String member;

	protected String team;

	protected String service;

	protected String environment;

	@BeforeEach
	void ownedService() {
		this.member = user();
		this.team = team("stream", List.of(Map.of("user", this.member)));
		this.service = service(this.team, 2);
		this.environment = environment("non-production", false);
	}

	/**
	 * A deployment request of the service to the environment; {@code more} are further
	 * field names and values.
	 */
	protected Map<String, Object> request(String version, Object... more) {
		return requestFor(this.service, this.environment, version, more);
	}

	protected static Map<String, Object> requestFor(String service, String environment, String version,
			Object... more) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", service);
		body.put("environment", environment);
		body.put("version", version);
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	protected Reply deploy(Map<String, Object> request) {
		return this.api.post(DEPLOYMENTS, request);
	}

	/** Requests a deployment that must be accepted, and answers its id. */
	protected long started(String version, Object... more) {
		return created(deploy(request(version, more))).json().path("id").asLong();
	}

	/** A deployment of {@code version} that went all the way to succeeded. */
	protected long succeeded(String version) {
		long id = started(version);
		ok(verify(id, true));
		return id;
	}

	protected Reply node(long id, String node, String status) {
		return node(this.api, id, node, status);
	}

	protected static Reply node(ApiClient client, long id, String node, String status) {
		return client.post(DEPLOYMENTS + "/" + id + "/nodes/" + node, Map.of("status", status));
	}

	protected Reply verify(long id, boolean passed) {
		return this.api.post(DEPLOYMENTS + "/" + id + "/verify", Map.of("passed", passed));
	}

	/** Posts one of the transitions without a body: fail, rollback, rolled-back. */
	protected Reply transition(long id, String action) {
		return this.api.post(DEPLOYMENTS + "/" + id + "/" + action, null);
	}

	protected JsonNode deployment(long id) {
		return ok(this.api.get(DEPLOYMENTS + "/" + id)).json();
	}

	protected String status(long id) {
		return deployment(id).path("status").asString();
	}

	protected JsonNode instance(String environment) {
		return ok(this.api.get("/api/v1/services/" + this.service + "/instances/" + environment)).json();
	}

	/** The service's deployments as the list answers them, newest first. */
	protected List<JsonNode> deployments() {
		return ok(this.api.get(DEPLOYMENTS + "?service=" + this.service)).json().path("items").valueStream().toList();
	}

	/** A one-off deny window of the service in the environment, active from now on. */
	protected String denyWindowNow() {
		String name = unique("freeze");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		created(this.api.post("/api/v1/windows",
				Map.of("name", name, "scope", "service:" + this.service, "kind", "deny", "start",
						now.minus(1, ChronoUnit.HOURS).toString(), "end", now.plus(2, ChronoUnit.HOURS).toString(),
						"timeZone", "UTC", "environments", List.of(this.environment), "reason", "Release freeze")));
		return name;
	}

	/** A client with a token of {@code user} holding {@code scopes}. */
	protected ApiClient clientOf(String user, List<String> scopes) {
		Reply token = created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", unique("token"), "scopes", scopes)));
		return this.api.withToken(token.json().path("token").asString());
	}

	protected static List<String> texts(JsonNode array, String field) {
		return array.valueStream().map(node -> node.path(field).asString()).toList();
	}

}
