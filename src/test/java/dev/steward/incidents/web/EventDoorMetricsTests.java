package dev.steward.incidents.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event door counts the requests that reach it, counts the ones it refuses by reason
 * and times the ones it files.
 */
class EventDoorMetricsTests extends ApiTest {

	private static final List<String> DOORS = List.of("events", "pagerduty", "alertmanager");

	@Autowired
	MeterRegistry meters;

	private ApiClient anonymous;

	private String key;

	@BeforeEach
	void integration() {
		this.anonymous = this.api.withToken(null);
		this.key = integrationKey(service(team(), 3));
	}

	@Test
	void eachDoorCountsAndTimesTheEventsItFiles() {
		Map<String, Double> received = perDoor(this::received);
		Map<String, Double> filed = perDoor(this::filed);
		Map<String, Double> rejected = perDoor(this::rejected);

		assertThat(this.anonymous.post("/api/v1/events", event(this.key)).status()).isEqualTo(202);
		assertThat(this.anonymous.post("/integrations/pagerduty/v2/enqueue", pagerDuty(this.key)).status())
			.isEqualTo(202);
		assertThat(this.anonymous.post("/integrations/alertmanager/" + this.key, alertmanager()).status())
			.isEqualTo(202);

		for (String door : DOORS) {
			assertThat(received(door)).as(door + " received").isEqualTo(received.get(door) + 1);
			assertThat(filed(door)).as(door + " filed").isEqualTo(filed.get(door) + 1);
			assertThat(rejected(door)).as(door + " rejected").isEqualTo(rejected.get(door));
		}
		assertThat(this.meters.get("steward.events.ingest")
			.tag("door", "pagerduty")
			.timer()
			.totalTime(TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void refusalsAreCountedByDoorAndReason() {
		Map<String, Double> received = perDoor(this::received);
		Map<String, Double> filed = perDoor(this::filed);
		double unknownKey = rejected("events", "unknown-key");
		double invalid = rejected("events", "invalid");
		double malformed = rejected("pagerduty", "invalid");
		double unknownPagerDutyKey = rejected("pagerduty", "unknown-key");
		double unknownAlertmanagerKey = rejected("alertmanager", "unknown-key");
		double tooLarge = rejected("alertmanager", "too-large");

		assertThat(this.anonymous.post("/api/v1/events", event("no-such-key")).status()).isEqualTo(400);
		assertThat(this.anonymous.post("/api/v1/events", Map.of("routingKey", this.key, "action", "explode")).status())
			.isEqualTo(400);
		assertThat(this.anonymous.post("/integrations/pagerduty/v2/enqueue", "{not json").status()).isEqualTo(400);
		assertThat(this.anonymous.post("/integrations/pagerduty/v2/enqueue", pagerDuty("no-such-key")).status())
			.isEqualTo(400);
		assertThat(this.anonymous.post("/integrations/alertmanager/no-such-key", alertmanager()).status())
			.isEqualTo(400);
		assertThat(this.anonymous
			.post("/integrations/alertmanager/" + this.key, Map.of("version", "4", "padding", "x".repeat(600 * 1024)))
			.status()).isEqualTo(413);

		assertThat(rejected("events", "unknown-key")).isEqualTo(unknownKey + 1);
		assertThat(rejected("events", "invalid")).isEqualTo(invalid + 1);
		assertThat(rejected("pagerduty", "invalid")).isEqualTo(malformed + 1);
		assertThat(rejected("pagerduty", "unknown-key")).isEqualTo(unknownPagerDutyKey + 1);
		assertThat(rejected("alertmanager", "unknown-key")).isEqualTo(unknownAlertmanagerKey + 1);
		assertThat(rejected("alertmanager", "too-large")).isEqualTo(tooLarge + 1);
		assertThat(received("events")).isEqualTo(received.get("events") + 2);
		assertThat(received("alertmanager")).isEqualTo(received.get("alertmanager") + 2);
		assertThat(perDoor(this::filed)).isEqualTo(filed);
	}

	@Test
	void otherRequestsAreNoEvents() {
		Map<String, Double> received = perDoor(this::received);
		ok(this.api.get("/api/v1/incidents?limit=1"));
		assertThat(this.anonymous.get("/api/v1/events").status()).isGreaterThanOrEqualTo(400);
		assertThat(perDoor(this::received)).isEqualTo(received);
	}

	private static Map<String, Double> perDoor(ToDoubleFunction<String> meter) {
		return DOORS.stream().collect(Collectors.toMap(door -> door, door -> meter.applyAsDouble(door)));
	}

	private double received(String door) {
		return this.meters.get("steward.events.received").tag("door", door).counter().count();
	}

	private double filed(String door) {
		return this.meters.get("steward.events.ingest").tag("door", door).timer().count();
	}

	private double rejected(String door) {
		return this.meters.get("steward.events.rejected")
			.tag("door", door)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private double rejected(String door, String reason) {
		return this.meters.get("steward.events.rejected").tag("door", door).tag("reason", reason).counter().count();
	}

	private static Map<String, Object> event(String key) {
		return Map.of("routingKey", key, "action", "trigger", "summary", "Queue backlog", "severity", "warning");
	}

	private static Map<String, Object> pagerDuty(String key) {
		return Map.of("routing_key", key, "event_action", "trigger", "payload",
				Map.of("summary", "Queue backlog", "source", "queue-1", "severity", "warning"));
	}

	private static Map<String, Object> alertmanager() {
		return Map.of("version", "4", "status", "firing", "alerts", List
			.of(Map.of("status", "firing", "fingerprint", "f1", "labels", Map.of("alertname", "QueueBacklog"))));
	}

}
