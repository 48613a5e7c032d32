package dev.steward.reporting.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient;
import dev.steward.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds organizations for scorecard tests over HTTP, each with fresh names: a service on
 * which every check passes, and the pieces a test adds or leaves out to make one check
 * fail.
 */
final class ScorecardFixtures {

	static final String SPEC = """
			openapi: 3.0.3
			info: {title: Orders, version: 1.0.0}
			paths:
			  /orders:
			    get:
			      responses:
			        '200': {description: All orders}
			""";

	/** Places in the promotion order, from a random one (taken places are skipped). */
	private static final AtomicInteger ENVIRONMENT_ORDER = new AtomicInteger(
			1_000 + ThreadLocalRandom.current().nextInt(8_000));

	private final ApiClient api;

	private final TestClock clock;

	ScorecardFixtures(ApiClient api, TestClock clock) {
		this.api = api;
		this.clock = clock;
	}

	/** A service on which every check passes, with what a test may take away again. */
	record Covered(String service, String team, String lead, String datastore, String production, String consumer,
			String policy) {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A tier-{@code tier} service of a team of three with a lead, with a published API, a
	 * documented datastore, a window of its own, two successful production deployments,
	 * an SLO, a hard consumer with an active agreement, a monitor and a policy that
	 * always reaches its lead.
	 */
	Covered covered(int tier) {
		String lead = user();
		String team = team(null, member(lead, "lead"), member(user(), "member"), member(user(), "member"));
		String service = service(team, tier);
		publishedApi(service);
		String datastore = datastore(service, "Nightly snapshots kept 30 days");
		window("service:" + service);
		String production = productionEnvironment();
		deploy(service, production, "1.0.0");
		deploy(service, production, "1.1.0");
		slo(service);
		String consumer = service(team(null), 3);
		dependsHard(consumer, service);
		agreement(service, consumer, lead);
		monitor(service);
		String policy = policy(team, Map.of("type", "user", "name", lead));
		assign(service, policy);
		send("PUT", "/api/v1/users/" + lead + "/digest-subscriptions/team:" + team, null);
		return new Covered(service, team, lead, datastore, production, consumer, policy);
	}

	String user() {
		String name = unique("user");
		send("POST", "/api/v1/users", Map.of("name", name, "displayName", "User " + name, "email",
				name + "@example.com", "timeZone", "Europe/Berlin"));
		return name;
	}

	static Map<String, String> member(String user, String role) {
		return Map.of("user", user, "role", role);
	}

	/** A stream team with the members and, unless null, its own email address. */
	@SafeVarargs
	final String team(String email, Map<String, String>... members) {
		String name = unique("team");
		Map<String, Object> body = new HashMap<>(
				Map.of("name", name, "title", "Team " + name, "kind", "stream", "members", List.of(members)));
		if (email != null) {
			body.put("email", email);
		}
		send("POST", "/api/v1/teams", body);
		return name;
	}

	String service(String owner, int tier) {
		return service(owner, tier, null);
	}

	String service(String owner, int tier, String product) {
		String name = unique("svc");
		Map<String, Object> body = new HashMap<>(
				Map.of("name", name, "title", "Service " + name, "owner", owner, "tier", tier));
		if (product != null) {
			body.put("product", product);
		}
		send("POST", "/api/v1/services", body);
		return name;
	}

	String product() {
		String name = unique("product");
		send("POST", "/api/v1/products", Map.of("name", name, "title", "Product " + name));
		return name;
	}

	String api(String service) {
		String name = unique("api");
		send("POST", "/api/v1/services/" + service + "/apis",
				Map.of("name", name, "visibility", "internal", "type", "openapi"));
		return name;
	}

	void publishedApi(String service) {
		send("POST", "/api/v1/apis/" + api(service) + "/versions", Map.of("version", "1.0.0", "spec", SPEC));
	}

	/**
	 * A datastore of the service, with a retention period and the backup policy given.
	 */
	String datastore(String service, String backupPolicy) {
		String name = unique("db");
		Map<String, Object> body = new HashMap<>(Map.of("name", name, "owner", service, "kind", "postgresql",
				"classification", "confidential", "pii", false, "retentionDays", 365));
		if (backupPolicy != null) {
			body.put("backupPolicy", backupPolicy);
		}
		send("POST", "/api/v1/datastores", body);
		return name;
	}

	void reads(String service, String datastore) {
		send("PUT", "/api/v1/services/" + service + "/datastore-access/" + datastore, Map.of("mode", "read"));
	}

	/**
	 * A deny window of the scope far in the future, so that it never closes a gate here.
	 */
	void window(String scope) {
		send("POST", "/api/v1/windows", Map.of("name", unique("win"), "scope", scope, "kind", "deny", "start",
				"2045-08-01T00:00:00Z", "end", "2045-08-03T00:00:00Z", "timeZone", "UTC"));
	}

	/** A new production environment at the first free place from a random one. */
	String productionEnvironment() {
		String name = unique("prod");
		int status;
		do {
			status = this.api
				.post("/api/v1/environments", Map.of("name", name, "kind", "production", "order",
						ENVIRONMENT_ORDER.incrementAndGet(), "promotionRequired", false))
				.status();
		}
		while (status == 409);
		assertThat(status).isEqualTo(201);
		return name;
	}

	/** A deployment of the version to the environment that succeeded. */
	void deploy(String service, String environment, String version) {
		long id = send("POST", "/api/v1/deployments",
				Map.of("service", service, "environment", environment, "version", version))
			.path("id")
			.asLong();
		assertThat(
				send("POST", "/api/v1/deployments/" + id + "/verify", Map.of("passed", true)).path("status").asString())
			.isEqualTo("succeeded");
	}

	void slo(String service) {
		send("POST", "/api/v1/services/" + service + "/slos",
				Map.of("name", "availability", "indicator", "availability", "objective", 99.9, "window", "P30D"));
	}

	void dependsHard(String consumer, String provider) {
		send("PUT", "/api/v1/services/" + consumer + "/dependencies/" + provider, Map.of("criticality", "hard"));
	}

	/**
	 * An agreement an administrator proposes for the consumer and the provider's lead
	 * accepts.
	 */
	void agreement(String provider, String consumer, String providerLead) {
		long id = send("POST", "/api/v1/sla-agreements",
				Map.of("provider", provider, "consumer", consumer, "objectives",
						List.of(Map.of("indicator", "availability", "objective", 99.5, "window", "P30D"))))
			.path("id")
			.asLong();
		assertThat(as(providerLead).post("/api/v1/sla-agreements/" + id + "/accept", null)
			.json()
			.path("status")
			.asString()).isEqualTo("active");
	}

	void monitor(String service) {
		send("POST", "/api/v1/services/" + service + "/monitors", Map.of("name", "errors", "watches", "errors"));
	}

	/** A policy of the team with one level reaching the target. */
	String policy(String team, Map<String, String> target) {
		String name = unique("policy");
		send("POST", "/api/v1/escalation-policies", Map.of("name", name, "team", team, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(target)))));
		return name;
	}

	void assign(String service, String policy) {
		send("PUT", "/api/v1/services/" + service + "/escalation-policy", Map.of("policy", policy));
	}

	/**
	 * A schedule of the user in daily turns from yesterday to {@code covered} from now.
	 */
	String scheduleFor(String team, String user, Duration covered) {
		String name = unique("sched");
		Instant now = this.clock.instant();
		send("POST", "/api/v1/schedules",
				Map.of("name", name, "team", team, "timeZone", "UTC", "layers",
						List.of(Map.of("start", now.minus(Duration.ofDays(1)).toString(), "end",
								now.plus(covered).toString(), "turnLength", "P1D", "users", List.of(user)))));
		return name;
	}

	/** A change of the service planned to start in an hour, submitted for approval. */
	long submittedChange(String service) {
		Instant start = this.clock.instant().plus(Duration.ofHours(1));
		long id = send("POST", "/api/v1/changes",
				Map.of("service", service, "title", "Resize the pool", "category", "capacity", "description",
						"From 8 to 12 nodes", "plannedStart", start.toString(), "plannedEnd",
						start.plus(Duration.ofHours(2)).toString(), "rollbackPlan", "Scale back", "risk", "low"))
			.path("id")
			.asLong();
		send("POST", "/api/v1/changes/" + id + "/submit", null);
		return id;
	}

	void approveAndStart(long change, String lead) {
		as(lead).post("/api/v1/changes/" + change + "/approve", null);
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(as(lead).post("/api/v1/changes/" + change + "/start", null).json().path("status").asString())
			.isEqualTo("in-progress");
	}

	/** A resolved critical incident whose postmortem has an action item long past due. */
	long overduePostmortem(String service, String owner) {
		long number = send("POST", "/api/v1/incidents",
				Map.of("service", service, "title", "Outage", "severity", "critical"))
			.path("number")
			.asLong();
		send("POST", "/api/v1/incidents/" + number + "/resolve", null);
		send("PUT", "/api/v1/incidents/" + number + "/postmortem",
				Map.of("status", "draft", "documentUrl", "https://docs.example/pm/" + number, "actionItems",
						List.of(Map.of("title", "Alert on queue depth", "owner", owner, "dueDate", "2020-01-01"))));
		return number;
	}

	void delegate(String service, String aspect, String team) {
		send("PUT", "/api/v1/services/" + service + "/responsibilities/" + aspect, Map.of("handledBy", team));
	}

	void decideDelegation(String service, String aspect, String decision) {
		send("POST", "/api/v1/services/" + service + "/responsibilities/" + aspect + "/" + decision, null);
	}

	JsonNode scorecard(String service) {
		return send("GET", "/api/v1/scorecards/" + service, null);
	}

	/** The check {@code aspect/check} of a scorecard. */
	static JsonNode check(JsonNode scorecard, String key) {
		List<String> keys = new ArrayList<>();
		for (JsonNode check : scorecard.path("checks")) {
			String name = check.path("aspect").asString() + "/" + check.path("check").asString();
			keys.add(name);
			if (name.equals(key)) {
				return check;
			}
		}
		throw new AssertionError("no check " + key + " among " + keys);
	}

	/** Sends a request as the administrator and answers its body; it must succeed. */
	JsonNode send(String method, String path, Object body) {
		ApiClient.Reply reply = this.api.send(method, path, body, Map.of());
		assertThat(reply.status()).as(method + " " + path + ": " + reply).isBetween(200, 204);
		return reply.body() == null || reply.body().isEmpty() ? null : reply.json();
	}

	ApiClient as(String user) {
		String token = send("POST", "/api/v1/users/" + user + "/tokens",
				Map.of("name", unique("token"), "scopes", List.of("write")))
			.path("token")
			.asString();
		return this.api.withToken(token);
	}

}
