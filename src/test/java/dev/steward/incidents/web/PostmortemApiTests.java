package dev.steward.incidents.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * High-urgency incidents of tier-1 and tier-2 services need a postmortem, tracked until
 * done.
 */
class PostmortemApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	@Test
	void resolvingAHighUrgencyTierOneIncidentRequiresAPostmortemThatIsFlaggedWhenOverdue() {
		String ana = user();
		String service = service(team("stream", List.of(Map.of("user", ana))), 1);
		long number = resolvedIncident(service, "critical");
		JsonNode required = ok(this.api.get("/api/v1/incidents/" + number + "/postmortem")).json();
		assertThat(required.path("status").asString()).isEqualTo("required");
		assertThat(required.path("overdue").asBoolean()).isFalse();

		JsonNode written = ok(this.api.put("/api/v1/incidents/" + number + "/postmortem",
				Map.of("status", "draft", "documentUrl", "https://docs.example/pm/" + number, "actionItems",
						List.of(Map.of("title", "Alert on queue depth", "owner", ana, "dueDate", "2020-01-01")))))
			.json();
		assertThat(written.path("actionItems").get(0).path("owner").asString()).isEqualTo(ana);
		assertThat(written.path("overdue").asBoolean()).as("an action item is past its due date").isTrue();
		assertThat(ok(this.api.get("/api/v1/postmortems?overdue=true&service=" + service)).json()
			.path("items")
			.findValuesAsString("status")).containsExactly("draft");

		problem(this.api.put("/api/v1/incidents/" + number + "/postmortem",
				Map.of("status", "published", "actionItems", List.of())), 400, "documentUrl");
		problem(this.api.put("/api/v1/incidents/" + number + "/postmortem",
				Map.of("status", "draft", "documentUrl", "ftp://nope", "actionItems", List.of())), 400, "documentUrl");
		problem(this.api.put("/api/v1/incidents/" + number + "/postmortem",
				Map.of("status", "draft", "actionItems", List.of(Map.of("title", "x", "owner", "nobody-here")))), 400,
				"actionItems");
		JsonNode published = ok(this.api.put("/api/v1/incidents/" + number + "/postmortem",
				Map.of("status", "published", "documentUrl", "https://docs.example/pm/" + number, "actionItems",
						List.of(Map.of("title", "Alert on queue depth", "owner", ana, "done", true)))))
			.json();
		assertThat(published.path("overdue").asBoolean()).isFalse();
	}

	@Test
	void aPostmortemNotPublishedInFiveDaysIsOverdueAndLowUrgencyIncidentsNeedNone() {
		String service = service(team(), 2);
		long number = resolvedIncident(service, "error");
		this.clock.advance(Duration.ofDays(6));
		assertThat(ok(this.api.get("/api/v1/incidents/" + number + "/postmortem")).json().path("overdue").asBoolean())
			.isTrue();
		long low = resolvedIncident(service(team(), 2), "warning");
		problem(this.api.get("/api/v1/incidents/" + low + "/postmortem"), 404, null);
		long tierThree = resolvedIncident(service(team(), 3), "critical");
		problem(this.api.get("/api/v1/incidents/" + tierThree + "/postmortem"), 404, null);
	}

	private long resolvedIncident(String service, String severity) {
		long number = created(
				this.api.post("/api/v1/incidents", Map.of("service", service, "title", "Outage", "severity", severity)))
			.json()
			.path("number")
			.asLong();
		ok(this.api.post("/api/v1/incidents/" + number + "/resolve", null));
		return number;
	}

}
