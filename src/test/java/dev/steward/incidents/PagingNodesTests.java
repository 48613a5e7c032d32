package dev.steward.incidents;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.steward.ApiClient;
import dev.steward.MailInbox;
import dev.steward.TestClock;
import dev.steward.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paging survives a restart in the middle of an escalation, two Steward nodes on one
 * database page each step once, and a step held by a node that died is taken over: each
 * test starts real application instances on one shared in-memory database and one mail
 * server.
 */
class PagingNodesTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@RegisterExtension
	static final MailInbox mail = new MailInbox();

	@RegisterExtension
	final TestNodes nodes = new TestNodes();

	@Test
	void aRestartInTheMiddleOfAnEscalationResumesItAtTheNextStep() {
		ConfigurableApplicationContext first = start();
		Paging paging = Paging.setUp(client(first));
		long incident = paging.trigger(client(first));
		await().atMost(PATIENCE).until(() -> mail.to(paging.first()).size() == 1);
		first.close();

		ConfigurableApplicationContext second = start();
		second.getBean(TestClock.class).advance(Duration.ofMinutes(6));
		await().atMost(PATIENCE).until(() -> mail.to(paging.second()).size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> mail.to(paging.first()).size() == 1);
		assertThat(client(second).get("/api/v1/incidents/" + incident).json().path("level").asInt()).isEqualTo(2);
	}

	@Test
	void twoNodesOnOneDatabasePageEachStepOnce() {
		ConfigurableApplicationContext one = start();
		ConfigurableApplicationContext two = start();
		Paging paging = Paging.setUp(client(one));
		long incident = paging.trigger(client(two));
		await().atMost(PATIENCE).until(() -> mail.to(paging.first()).size() == 1);
		one.getBean(TestClock.class).advance(Duration.ofMinutes(6));
		two.getBean(TestClock.class).advance(Duration.ofMinutes(6));
		await().atMost(PATIENCE).until(() -> mail.to(paging.second()).size() == 1);
		await().during(Duration.ofSeconds(3))
			.atMost(PATIENCE)
			.until(() -> mail.to(paging.first()).size() == 1 && mail.to(paging.second()).size() == 1);
		assertThat(client(one).get("/api/v1/incidents/" + incident + "/timeline")
			.json()
			.path("items")
			.findValuesAsString("type")
			.stream()
			.filter("escalated"::equals)).hasSize(1);
	}

	@Test
	void aStepThatAKilledNodeWasRunningIsRunAgainByAnotherWithinAMinute() {
		ConfigurableApplicationContext node = start();
		Paging paging = Paging.setUp(client(node));
		long incident = paging.trigger(client(node));
		await().atMost(PATIENCE).until(() -> mail.to(paging.first()).size() == 1);
		TestClock clock = node.getBean(TestClock.class);
		int held = node.getBean(JdbcClient.class)
			.sql("""
					update scheduled_tasks set picked = true, picked_by = 'killed-node', last_heartbeat = ?
					where task_name = 'incident-escalation' and task_instance like ?""")
			.params(Timestamp.from(clock.instant()), "incident-" + incident + "-%")
			.update();
		assertThat(held).as("the next step, held as a node killed while running it leaves it").isEqualTo(1);
		clock.advance(Duration.ofMinutes(6));
		await().atMost(PATIENCE).until(() -> mail.to(paging.second()).size() == 1);
	}

	private ConfigurableApplicationContext start() {
		return this.nodes.start(mail.springProperties()
			.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	private static ApiClient client(ConfigurableApplicationContext node) {
		return TestNodes.admin(node);
	}

	/** A service whose policy pages {@code first} by schedule, then {@code second}. */
	record Paging(String first, String second, String key) {

		static Paging setUp(ApiClient api) {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			String first = "first-" + suffix;
			String second = "second-" + suffix;
			for (String user : List.of(first, second)) {
				api.post("/api/v1/users",
						Map.of("name", user, "displayName", user, "email", user + "@example.com", "timeZone", "UTC"));
			}
			String team = "team-" + suffix;
			api.post("/api/v1/teams", Map.of("name", team, "title", "Team", "kind", "stream", "members",
					List.of(Map.of("user", first), Map.of("user", second))));
			api.post("/api/v1/schedules", Map.of("name", "sched-" + suffix, "team", team, "timeZone", "UTC", "layers",
					List.of(Map.of("start", "2020-01-01T00:00:00Z", "turnLength", "P1W", "users", List.of(first)))));
			api.post("/api/v1/escalation-policies",
					Map.of("name", "policy-" + suffix, "team", team, "levels", List.of(
							Map.of("delay", "PT5M", "targets",
									List.of(Map.of("type", "schedule", "name", "sched-" + suffix))),
							Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "user", "name", second))))));
			String service = "svc-" + suffix;
			api.post("/api/v1/services", Map.of("name", service, "title", "Service", "owner", team, "tier", 1));
			api.put("/api/v1/services/" + service + "/escalation-policy", Map.of("policy", "policy-" + suffix));
			String key = api.post("/api/v1/services/" + service + "/integration-keys", Map.of())
				.json()
				.path("key")
				.asString();
			return new Paging(first, second, key);
		}

		long trigger(ApiClient api) {
			return api
				.post("/api/v1/events",
						Map.of("routingKey", this.key, "action", "trigger", "summary", "Down", "severity", "critical"))
				.json()
				.path("incident")
				.asLong();
		}

	}

}
