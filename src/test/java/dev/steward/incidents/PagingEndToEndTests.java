package dev.steward.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.MailApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event pages the on-call user by email over real SMTP; without acknowledgement the
 * next level is paged after the level's delay; acknowledging stops all further paging.
 * Runs in an application of its own (own in-memory database and mail server), with the
 * test clock moved instead of sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:paging-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"steward.incidents.acknowledgement-timeout=PT20M" })
class PagingEndToEndTests extends MailApiTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	TestClock clock;

	@Test
	void anEventPagesLevelOneThenLevelTwoAcknowledgingStopsPagingUntilTheAcknowledgementTimesOut() {
		String ana = user();
		String ben = user();
		String team = team("stream", List.of(Map.of("user", ana), Map.of("user", ben)));
		String schedule = unique("sched");
		created(this.api.post("/api/v1/schedules",
				Map.of("name", schedule, "team", team, "timeZone", "UTC", "layers",
						List.of(Map.of("start", this.clock.instant().minus(Duration.ofDays(1)).toString(), "turnLength",
								"P1W", "users", List.of(ana))))));
		String policy = unique("policy");
		created(this.api
			.post("/api/v1/escalation-policies",
					Map.of("name", policy, "team", team, "repeat", 1, "levels", List.of(
							Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "schedule", "name", schedule))),
							Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "user", "name", ben)))))));
		String service = service(team, 1);
		ok(this.api.put("/api/v1/services/" + service + "/escalation-policy", Map.of("policy", policy)));
		String key = created(this.api.post("/api/v1/services/" + service + "/integration-keys", Map.of())).json()
			.path("key")
			.asString();

		long number = this.api.withToken(null)
			.post("/integrations/pagerduty/v2/enqueue",
					Map.of("routing_key", key, "event_action", "trigger", "dedup_key", "latency", "payload",
							Map.of("summary", "p99 latency above 2 s", "source", "web-1", "severity", "critical")))
			.json()
			.isObject() ? incidentOf(service) : -1;
		await().atMost(PATIENCE).until(() -> mail.to(ana).size() == 1);
		assertThat(subject(mail.to(ana).get(0))).contains("#" + number, service, "p99 latency above 2 s");
		JsonNode incident = ok(this.api.get("/api/v1/incidents/" + number)).json();
		assertThat(incident.path("level").asInt()).isEqualTo(1);
		assertThat(incident.path("assignees").get(0).asString()).isEqualTo(ana);
		assertThat(mail.to(ben)).isEmpty();

		this.clock.advance(Duration.ofMinutes(6));
		await().atMost(PATIENCE).until(() -> mail.to(ben).size() == 1);
		assertThat(ok(this.api.get("/api/v1/incidents/" + number)).json().path("level").asInt()).isEqualTo(2);
		await().atMost(PATIENCE)
			.until(() -> types(number).containsAll(List.of("triggered", "assigned", "escalated", "notified")));

		ok(this.api.post("/api/v1/incidents/" + number + "/acknowledge", null));
		this.clock.advance(Duration.ofMinutes(10));
		await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> mail.to(ana).size() == 1);
		assertThat(mail.to(ben)).hasSize(1);

		this.clock.advance(Duration.ofMinutes(15));
		await().atMost(PATIENCE).until(() -> mail.to(ana).size() == 2);
		assertThat(types(number)).contains("retriggered");
		Instant beforeAcknowledgingAgain = this.clock.instant().minusMillis(1);
		ok(this.api.post("/api/v1/incidents/" + number + "/acknowledge", null));
		JsonNode done = ok(this.api.post("/api/v1/incidents/" + number + "/resolve", null)).json();
		assertThat(done.path("status").asString()).isEqualTo("resolved");
		assertThat(Instant.parse(done.path("acknowledgedAt").asString())).isBetween(beforeAcknowledgingAgain,
				beforeAcknowledgingAgain.plus(PATIENCE));
		assertThat(types(number)).doesNotContain("notification-failed")
			.containsSubsequence("triggered", "assigned", "escalated", "acknowledged", "resolved");
	}

	private long incidentOf(String service) {
		return ok(this.api.get("/api/v1/incidents?service=" + service)).json()
			.path("items")
			.get(0)
			.path("number")
			.asLong();
	}

	private List<String> types(long number) {
		return ok(this.api.get("/api/v1/incidents/" + number + "/timeline")).json()
			.path("items")
			.findValuesAsString("type");
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
