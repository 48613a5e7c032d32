package dev.steward.incidents.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The three event doors file into one pipeline, deduplicating into incidents. */
class EventDoorTests extends ApiTest {

	@Autowired
	TestClock clock;

	@Test
	void eventsTriggerFoldAcknowledgeAndResolveAndTheKeyOpensANewIncidentAfterwards() {
		String service = service(team(), 1);
		String key = integrationKey(service);
		ApiClient anonymous = this.api.withToken(null);
		Reply triggered = anonymous.post("/api/v1/events", Map.of("routingKey", key, "action", "trigger", "dedupKey",
				"disk-full", "summary", "Disk full on db-1", "severity", "critical", "source", "db-1"));
		assertThat(triggered.status()).as(triggered.toString()).isEqualTo(202);
		assertThat(triggered.json().path("status").asString()).isEqualTo("success");
		assertThat(triggered.json().path("dedupKey").asString()).isEqualTo("disk-full");
		long number = triggered.json().path("incident").asLong();
		JsonNode incident = ok(this.api.get("/api/v1/incidents/" + number)).json();
		assertThat(incident.path("status").asString()).isEqualTo("triggered");
		assertThat(incident.path("urgency").asString()).isEqualTo("high");
		assertThat(incident.path("service").asString()).isEqualTo(service);

		Reply again = anonymous.post("/api/v1/events", Map.of("routingKey", key, "action", "trigger", "dedupKey",
				"disk-full", "summary", "Disk still full", "severity", "critical"));
		assertThat(again.json().path("incident").asLong()).isEqualTo(number);
		assertThat(ok(this.api.get("/api/v1/incidents/" + number)).json().path("alertCount").asInt()).isEqualTo(2);
		assertThat(ok(this.api.get("/api/v1/incidents/" + number + "/alerts")).json()
			.path("items")
			.findValuesAsString("summary")).containsExactly("Disk still full", "Disk full on db-1");

		assertThat(anonymous
			.post("/api/v1/events", Map.of("routingKey", key, "action", "acknowledge", "dedupKey", "disk-full"))
			.status()).isEqualTo(202);
		assertThat(ok(this.api.get("/api/v1/incidents/" + number)).json().path("status").asString())
			.isEqualTo("acknowledged");
		assertThat(anonymous
			.post("/api/v1/events", Map.of("routingKey", key, "action", "resolve", "dedupKey", "disk-full"))
			.status()).isEqualTo(202);
		JsonNode resolved = ok(this.api.get("/api/v1/incidents/" + number)).json();
		assertThat(resolved.path("status").asString()).isEqualTo("resolved");
		assertThat(resolved.path("resolvedBy").asString()).startsWith("integration:");

		long reopened = anonymous
			.post("/api/v1/events",
					Map.of("routingKey", key, "action", "trigger", "dedupKey", "disk-full", "summary",
							"Disk full again", "severity", "error"))
			.json()
			.path("incident")
			.asLong();
		assertThat(reopened).isNotEqualTo(number);
		assertThat(ok(this.api.get("/api/v1/incidents/" + number + "/timeline")).json()
			.path("items")
			.findValuesAsString("type")).containsSubsequence("triggered", "alert", "acknowledged", "resolved");
	}

	@Test
	void urgencyFollowsTheTierAndSeverityMatrix() {
		String team = team();
		assertThat(urgency(service(team, 1), "error")).isEqualTo("high");
		assertThat(urgency(service(team, 1), "warning")).isEqualTo("low");
		assertThat(urgency(service(team, 3), "critical")).isEqualTo("high");
		assertThat(urgency(service(team, 3), "error")).isEqualTo("low");
		assertThat(urgency(service(team, 4), "critical")).isEqualTo("low");
	}

	@Test
	void thePagerDutyDoorTakesTheEventsV2BodyAndAnswersLikePagerDuty() {
		String service = service(team(), 2);
		String key = integrationKey(service);
		ApiClient anonymous = this.api.withToken(null);
		Reply reply = anonymous.post("/integrations/pagerduty/v2/enqueue", """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "cpu-high",
				 "payload": {"summary": "CPU above 95%% on web-3", "source": "web-3", "severity": "error",
				   "timestamp": "2027-01-01T10:00:00Z", "component": "nginx", "group": "web", "class": "cpu",
				   "custom_details": {"load": 0.97, "cores": 8}},
				 "links": [{"href": "https://grafana.example/d/1", "text": "Dashboard"}],
				 "images": [{"src": "https://grafana.example/render/1.png"}],
				 "client": "Alertmanager", "client_url": "https://alertmanager.example/#/alerts",
				 "something_new": {"ignored": true}}""".formatted(key));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
		assertThat(reply.body())
			.isEqualTo("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"cpu-high\"}");
		JsonNode incident = ok(this.api.get("/api/v1/incidents?service=" + service)).json().path("items").get(0);
		assertThat(incident.path("title").asString()).isEqualTo("CPU above 95% on web-3");
		assertThat(incident.path("details").path("custom_details").path("cores").asInt()).isEqualTo(8);
		assertThat(incident.path("details").path("client").asString()).isEqualTo("Alertmanager");

		Reply invalid = anonymous.post("/integrations/pagerduty/v2/enqueue",
				Map.of("routing_key", key, "event_action", "trigger", "payload", Map.of("source", "web-3")));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().path("status").asString()).isEqualTo("invalid event");
		assertThat(invalid.json().path("message").asString()).isEqualTo("Event object is invalid");
		assertThat(invalid.json().path("errors").valueStream().map(JsonNode::asString))
			.anySatisfy(error -> assertThat(error).startsWith("payload.summary"))
			.anySatisfy(error -> assertThat(error).startsWith("payload.severity"));

		Reply malformed = anonymous.post("/integrations/pagerduty/v2/enqueue", "{\"routing_key\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("status").asString()).isEqualTo("invalid event");
		Reply wrongKey = anonymous.post("/integrations/pagerduty/v2/enqueue", Map.of("routing_key", "nope",
				"event_action", "trigger", "payload", Map.of("summary", "x", "source", "y", "severity", "info")));
		assertThat(wrongKey.status()).isEqualTo(400);
		assertThat(wrongKey.json().path("errors").get(0).asString()).startsWith("routing_key");
	}

	@Test
	void theAlertmanagerReceiverFilesOneIncidentPerFingerprintAndResolvesThem() {
		String service = service(team(), 2);
		String key = integrationKey(service);
		ApiClient anonymous = this.api.withToken(null);
		Reply firing = anonymous.post("/integrations/alertmanager/" + key,
				webhook("firing", alert("firing", "a1b2c3", "HighLatency", "critical"),
						alert("firing", "d4e5f6", "DiskFilling", "warning")));
		assertThat(firing.status()).as(firing.toString()).isEqualTo(202);
		JsonNode incidents = ok(this.api.get("/api/v1/incidents?service=" + service)).json().path("items");
		assertThat(incidents).hasSize(2);
		assertThat(incidents.valueStream().map(incident -> incident.path("dedupKey").asString()))
			.containsExactlyInAnyOrder("a1b2c3", "d4e5f6");
		assertThat(incidents.valueStream().map(incident -> incident.path("severity").asString()))
			.containsExactlyInAnyOrder("critical", "warning");

		anonymous.post("/integrations/alertmanager/" + key,
				webhook("firing", alert("firing", "a1b2c3", "HighLatency", "critical")));
		anonymous.post("/integrations/alertmanager/" + key,
				webhook("resolved", alert("resolved", "a1b2c3", "HighLatency", "critical")));
		JsonNode after = ok(this.api.get("/api/v1/incidents?service=" + service)).json().path("items");
		JsonNode latency = StreamSupport.stream(after.spliterator(), false)
			.filter(incident -> incident.path("dedupKey").asString().equals("a1b2c3"))
			.findFirst()
			.orElseThrow();
		assertThat(latency.path("status").asString()).isEqualTo("resolved");
		assertThat(latency.path("alertCount").asInt()).isEqualTo(2);

		Map<String, Object> oldVersion = new HashMap<>(webhook("firing"));
		oldVersion.put("version", "3");
		problem(anonymous.post("/integrations/alertmanager/" + key, oldVersion), 400, "version");
		problem(anonymous.post("/integrations/alertmanager/not-a-key",
				webhook("firing", alert("firing", "zz", "X", "info"))), 400, "routingKey");
	}

	@Test
	void revokedKeysAndOversizedBodiesAreRefusedAndNothingIsStored() {
		String service = service(team(), 2);
		Reply created = created(
				this.api.post("/api/v1/services/" + service + "/integration-keys", Map.of("name", "Prometheus")));
		String key = created.json().path("key").asString();
		assertThat(key).hasSize(32);
		JsonNode listed = ok(this.api.get("/api/v1/services/" + service + "/integration-keys")).json().path("items");
		assertThat(listed.get(0).path("name").asString()).isEqualTo("Prometheus");
		assertThat(listed.toString()).doesNotContain(key);
		assertThat(this.api
			.delete("/api/v1/services/" + service + "/integration-keys/" + created.json().path("id").asString())
			.status()).isEqualTo(204);
		problem(this.api.withToken(null)
			.post("/api/v1/events", Map.of("routingKey", key, "action", "trigger", "summary", "x", "severity", "info")),
				400, "routingKey");

		String live = integrationKey(service);
		Reply huge = this.api.withToken(null)
			.post("/api/v1/events", Map.of("routingKey", live, "action", "trigger", "summary", "x", "severity", "info",
					"details", Map.of("blob", "x".repeat(600 * 1024))));
		assertThat(huge.status()).isEqualTo(413);
		problem(this.api.withToken(null).post("/api/v1/events", Map.of("routingKey", live, "action", "explode")), 400,
				"action");
		problem(this.api.withToken(null).post("/api/v1/events", Map.of("routingKey", live, "action", "resolve")), 400,
				"dedupKey");
		assertThat(ok(this.api.get("/api/v1/incidents?service=" + service)).json().path("items")).isEmpty();
	}

	@Test
	void peopleOpenNoteAcknowledgeAndResolveIncidents() {
		String service = service(team(), 2);
		Reply opened = created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Checkout errors reported by support", "severity", "error")));
		long number = opened.json().path("number").asLong();
		assertThat(opened.json().path("urgency").asString()).isEqualTo("high");
		assertThat(opened.json().path("responseSla").path("ackBreached").asBoolean()).isFalse();
		created(this.api.post("/api/v1/incidents/" + number + "/notes", Map.of("text", "Looking at the logs")));
		assertThat(ok(this.api.post("/api/v1/incidents/" + number + "/acknowledge", null)).json()
			.path("status")
			.asString()).isEqualTo("acknowledged");
		problem(this.api.post("/api/v1/incidents/" + number + "/acknowledge", null), 409, null);
		assertThat(ok(this.api.post("/api/v1/incidents/" + number + "/resolve", null)).json().path("status").asString())
			.isEqualTo("resolved");
		problem(this.api.post("/api/v1/incidents/" + number + "/resolve", null), 409, null);
		assertThat(ok(this.api.get("/api/v1/incidents/" + number + "/timeline")).json()
			.path("items")
			.findValuesAsString("type")).containsSubsequence("triggered", "note", "acknowledged", "resolved");
		problem(this.api.post("/api/v1/incidents", Map.of("service", service, "severity", "loud")), 400, "severity");
		problem(this.api.post("/api/v1/incidents",
				Map.of("service", "no-such-service", "title", "x", "severity", "info")), 400, "service");
		problem(this.api.get("/api/v1/incidents?status=sleeping"), 400, "status");
		problem(this.api.get("/api/v1/incidents/999999999"), 404, null);
	}

	@Test
	void aMissedAcknowledgeByGoesOnTheTimeline() {
		String service = service(team(), 1);
		JsonNode opened = created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Payments failing", "severity", "critical")))
			.json();
		long number = opened.path("number").asLong();
		Instant ackBy = Instant.parse(opened.path("responseSla").path("ackBy").asString());
		assertThat(Duration.between(Instant.parse(opened.path("createdAt").asString()), ackBy))
			.isEqualTo(Duration.ofMinutes(5));
		this.clock.advance(Duration.ofMinutes(6));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ok(this.api.get("/api/v1/incidents/" + number + "/timeline")).json()
				.path("items")
				.findValuesAsString("type")
				.contains("sla-breached"));
		assertThat(ok(this.api.get("/api/v1/incidents/" + number)).json()
			.path("responseSla")
			.path("ackBreached")
			.asBoolean()).isTrue();
	}

	@Test
	void anIncidentIsReassignedToAUserOrAnotherPolicy() {
		String ana = user();
		String team = team("stream", List.of(Map.of("user", ana)));
		String service = service(team, 2);
		long number = created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Queue backlog", "severity", "error")))
			.json()
			.path("number")
			.asLong();
		ok(this.api.post("/api/v1/incidents/" + number + "/acknowledge", null));
		JsonNode toUser = ok(this.api.post("/api/v1/incidents/" + number + "/reassign", Map.of("user", ana))).json();
		assertThat(toUser.path("status").asString()).isEqualTo("triggered");
		assertThat(toUser.path("assignees").get(0).asString()).isEqualTo(ana);
		String policy = unique("policy");
		created(this.api.post("/api/v1/escalation-policies", Map.of("name", policy, "team", team, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "user", "name", ana)))))));
		JsonNode toPolicy = ok(this.api.post("/api/v1/incidents/" + number + "/reassign", Map.of("policy", policy)))
			.json();
		assertThat(toPolicy.path("policy").asString()).isEqualTo(policy);
		assertThat(toPolicy.path("level").asInt()).isEqualTo(1);
		problem(this.api.post("/api/v1/incidents/" + number + "/reassign", Map.of()), 400, "user");
		problem(this.api.post("/api/v1/incidents/" + number + "/reassign", Map.of("policy", "no-such-policy")), 400,
				"policy");
		assertThat(ok(this.api.get("/api/v1/incidents/" + number + "/timeline")).json()
			.path("items")
			.findValuesAsString("type")).containsSubsequence("acknowledged", "reassigned", "reassigned", "assigned");
	}

	private String urgency(String service, String severity) {
		return created(
				this.api.post("/api/v1/incidents", Map.of("service", service, "title", "t", "severity", severity)))
			.json()
			.path("urgency")
			.asString();
	}

	private static Map<String, Object> webhook(String status, Map<?, ?>... alerts) {
		return Map.of("version", "4", "groupKey", "{}:{alertname=\"X\"}", "status", status, "receiver", "steward",
				"groupLabels", Map.of(), "commonLabels", Map.of(), "commonAnnotations", Map.of(), "externalURL",
				"http://alertmanager.example", "truncatedAlerts", 0, "alerts", List.of(alerts));
	}

	private static Map<String, Object> alert(String status, String fingerprint, String name, String severity) {
		return Map.of("status", status, "labels",
				Map.of("alertname", name, "severity", severity, "instance", "web-1:9100"), "annotations",
				Map.of("summary", name + " on web-1"), "startsAt", "2027-01-01T10:00:00Z", "endsAt",
				"0001-01-01T00:00:00Z", "generatorURL", "http://prometheus.example/graph", "fingerprint", fingerprint);
	}

}
