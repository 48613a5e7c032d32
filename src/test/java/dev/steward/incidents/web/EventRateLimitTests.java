package dev.steward.incidents.web;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One integration key may send only so many events a minute; over that, every door
 * answers 429 with Retry-After (the PagerDuty door in PagerDuty's words), and another key
 * is not affected. Each refusal is counted as rate-limited at its door.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"steward.incidents.events-per-minute-per-key=3",
		"spring.datasource.url=jdbc:h2:mem:event-rate-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class EventRateLimitTests extends ApiTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aKeyOverItsLimitIsToldWhenToRetryAndOtherKeysAreNot() {
		double eventsBefore = rateLimited("events");
		double pagerDutyBefore = rateLimited("pagerduty");
		String service = service(team(), 3);
		String key = integrationKey(service);
		ApiClient anonymous = this.api.withToken(null);
		for (int i = 0; i < 3; i++) {
			assertThat(anonymous.post("/api/v1/events", event(key)).status()).isEqualTo(202);
		}
		Reply limited = anonymous.post("/api/v1/events", event(key));
		problem(limited, 429, null);
		assertThat(limited.header("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));

		Reply pagerDuty = anonymous.post("/integrations/pagerduty/v2/enqueue", Map.of("routing_key", key,
				"event_action", "trigger", "payload", Map.of("summary", "x", "source", "y", "severity", "info")));
		assertThat(pagerDuty.status()).isEqualTo(429);
		assertThat(pagerDuty.json().path("status").asString()).isEqualTo("throttle event");
		assertThat(pagerDuty.header("Retry-After")).isPresent();
		assertThat(rateLimited("events")).isEqualTo(eventsBefore + 1);
		assertThat(rateLimited("pagerduty")).isEqualTo(pagerDutyBefore + 1);

		assertThat(anonymous.post("/api/v1/events", event(integrationKey(service))).status()).isEqualTo(202);
	}

	private double rateLimited(String door) {
		return this.meters.get("steward.events.rejected")
			.tag("door", door)
			.tag("reason", "rate-limited")
			.counter()
			.count();
	}

	private static Map<String, Object> event(String key) {
		return Map.of("routingKey", key, "action", "trigger", "summary", "Queue backlog", "severity", "warning");
	}

}
