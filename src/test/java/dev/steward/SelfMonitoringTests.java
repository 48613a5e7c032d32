package dev.steward;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.common.GaugeReadings;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Steward measures itself: a page is timed once from its event to its first notification,
 * the deliveries and their timers are counted, open incidents are read from the database
 * at most once per interval, gate decisions are timed, and after one event through each
 * door, a page and a gate decision the Prometheus endpoint exports every metric that the
 * shipped alert rules and dashboard read.
 */
class SelfMonitoringTests extends ApiTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestClock clock;

	@Autowired
	GaugeReadings readings;

	private WebhookReceiver receiver;

	@BeforeEach
	void receive() {
		this.receiver = new WebhookReceiver();
	}

	@AfterEach
	void stop() {
		this.receiver.close();
	}

	@Test
	void theFirstNotificationOfAnIncidentIsTimedOnceFromItsEvent() {
		Timer first = this.meters.get("steward.paging.first.notification").tag("urgency", "high").timer();
		long firstBefore = first.count();
		double firstSecondsBefore = first.totalTime(TimeUnit.SECONDS);
		double sentBefore = webhooksSent();
		Timer lag = this.meters.get("steward.timers.lag").tag("task", "notification-delivery").timer();
		long lagBefore = lag.count();

		long number = trigger(pagedService("phone", "pager"));
		await().atMost(PATIENCE).until(() -> notified(number) == 2);

		assertThat(first.count()).as("incidents timed").isEqualTo(firstBefore + 1);
		assertThat(first.totalTime(TimeUnit.SECONDS) - firstSecondsBefore).isPositive()
			.isLessThan(PATIENCE.toSeconds());
		assertThat(webhooksSent()).isEqualTo(sentBefore + 2);
		assertThat(lag.count()).as("delivery timers run").isGreaterThanOrEqualTo(lagBefore + 2);
		assertThat(this.receiver.requests()).hasSize(2);
	}

	@Test
	void openIncidentsAreReadFromTheDatabaseAtMostOncePerInterval() {
		this.clock.advance(this.readings.interval());
		double open = openHighUrgency();
		created(this.api.post("/api/v1/incidents",
				Map.of("service", service(team(), 1), "title", "Checkout fails", "severity", "critical")));
		assertThat(openHighUrgency()).as("within the interval").isEqualTo(open);
		this.clock.advance(this.readings.interval());
		assertThat(openHighUrgency()).as("after the interval").isEqualTo(open + 1);
	}

	@Test
	void everyGateDecisionIsTimed() {
		standardEnvironments();
		String service = service(team(), 2);
		long before = gateDecisions();
		ok(this.api.get("/api/v1/gate?service=" + service + "&environment=production"));
		assertThat(gateDecisions()).isEqualTo(before + 1);
	}

	@Test
	void thePrometheusEndpointExportsEveryMetricTheAlertRulesAndTheDashboardRead() {
		standardEnvironments();
		String key = pagedService("phone");
		ApiClient anonymous = this.api.withToken(null);
		long number = trigger(key);
		assertThat(anonymous.post("/integrations/pagerduty/v2/enqueue",
				Map.of("routing_key", key, "event_action", "trigger", "dedup_key", "disk", "payload",
						Map.of("summary", "Disk full", "source", "db-1", "severity", "critical")))
			.status()).isEqualTo(202);
		assertThat(anonymous
			.post("/integrations/alertmanager/" + key,
					Map.of("version", "4", "status", "firing", "alerts", List
						.of(Map.of("status", "firing", "fingerprint", "f1", "labels", Map.of("alertname", "Down")))))
			.status()).isEqualTo(202);
		String service = ok(this.api.get("/api/v1/incidents/" + number)).json().path("service").asString();
		ok(this.api.get("/api/v1/gate?service=" + service + "&environment=production"));
		await().atMost(PATIENCE).until(() -> notified(number) == 1);

		String scrape = ok(anonymous.get("/actuator/prometheus")).body();
		Set<String> exported = scrape.lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());
		assertThat(exported).as("metrics the alert rules read").containsAll(SelfMonitoring.readByRules());
		assertThat(exported).as("metrics the dashboard reads").containsAll(SelfMonitoring.readByDashboard());
		assertThat(SelfMonitoring.readByRules()).contains("steward_events_rejected_total",
				"steward_notifications_backlog_oldest_seconds", "steward_timers_lag_seconds_bucket");
		for (String door : List.of("events", "pagerduty", "alertmanager")) {
			assertThat(scrape).contains("steward_events_ingest_seconds_count{door=\"" + door + "\"}");
		}
		assertThat(scrape).contains("steward_paging_first_notification_seconds_bucket{urgency=\"high\",le=\"1.0\"}",
				"steward_incidents_open{status=\"triggered\",urgency=\"high\"}",
				"steward_notifications_backlog{channel=\"email\"}",
				"steward_timers_due{task=\"notification-delivery\"}",
				"steward_gate_decision_seconds_count{decision=\"open\"}");
	}

	/**
	 * The integration key of a new tier-1 service whose policy pages a new user at once
	 * over a webhook contact method of each of {@code contactMethods}.
	 */
	private String pagedService(String... contactMethods) {
		String user = user();
		for (String method : contactMethods) {
			created(this.api.put("/api/v1/users/" + user + "/contact-methods/" + method,
					Map.of("type", "webhook", "address", this.receiver.url("/" + method))));
		}
		ok(this.api.put("/api/v1/users/" + user + "/notification-rules",
				Map.of("rules",
						Arrays.stream(contactMethods)
							.map(method -> Map.of("after", "PT0M", "contactMethod", method))
							.toList())));
		String team = team("stream", List.of(Map.of("user", user)));
		String policy = unique("policy");
		created(this.api.post("/api/v1/escalation-policies", Map.of("name", policy, "team", team, "repeat", 0, "levels",
				List.of(Map.of("delay", "PT30M", "targets", List.of(Map.of("type", "user", "name", user)))))));
		String service = service(team, 1);
		ok(this.api.put("/api/v1/services/" + service + "/escalation-policy", Map.of("policy", policy)));
		return integrationKey(service);
	}

	/** Sends a critical event through Steward's own door and answers its incident. */
	private long trigger(String key) {
		ApiClient.Reply reply = this.api.withToken(null)
			.post("/api/v1/events", Map.of("routingKey", key, "action", "trigger", "summary", "Checkout fails",
					"severity", "critical"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
		return reply.json().path("incident").asLong();
	}

	private long notified(long number) {
		return ok(this.api.get("/api/v1/incidents/" + number + "/timeline")).json()
			.path("items")
			.findValuesAsString("type")
			.stream()
			.filter("notified"::equals)
			.count();
	}

	private double webhooksSent() {
		return this.meters.get("steward.notifications.attempts")
			.tag("kind", "incident")
			.tag("channel", "webhook")
			.tag("outcome", "sent")
			.counter()
			.count();
	}

	private double openHighUrgency() {
		return this.meters.get("steward.incidents.open")
			.tag("urgency", "high")
			.tag("status", "triggered")
			.gauge()
			.value();
	}

	private long gateDecisions() {
		return this.meters.get("steward.gate.decision").timers().stream().mapToLong(Timer::count).sum();
	}

}
