package dev.steward.monitoring.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	private String member;

	private String owner;

	private String service;

	@BeforeEach
	void organization() {
		this.member = user();
		this.owner = team("stream", List.of(Map.of("user", this.member, "role", "member")));
		this.service = service(this.owner, 2);
	}

	@Test
	void monitorsAreAddedListedReplacedAndRemoved() {
		String monitors = "/api/v1/services/" + this.service + "/monitors";
		problem(this.api.post(monitors,
				Map.of("name", "checkout-errors", "watches", "errors", "slo", "checkout-availability")), 400, "slo");
		created(this.api.post("/api/v1/services/" + this.service + "/slos", Map.of("name", "checkout-availability",
				"indicator", "availability", "objective", 99.9, "window", "P30D")));
		Reply added = created(as(this.member).post(monitors,
				Map.of("name", "checkout-errors", "title", "Checkout error rate", "watches", "errors", "link",
						"https://grafana.example.com/d/checkout", "slo", "checkout-availability", "description",
						"Share of 5xx answers to POST /checkout")));
		assertThat(added.header("Location")).contains(monitors + "/checkout-errors");
		assertThat(added.json().path("watches").asString()).isEqualTo("errors");
		assertThat(added.json().path("slo").asString()).isEqualTo("checkout-availability");
		assertThat(added.json().path("service").asString()).isEqualTo(this.service);
		problem(this.api.post(monitors, Map.of("name", "checkout-errors", "watches", "latency")), 409, null);

		Reply replaced = ok(this.api.put(monitors + "/checkout-errors",
				Map.of("name", "checkout-errors", "watches", "availability", "link", "http://prometheus:9090/alerts")));
		assertThat(replaced.json().path("watches").asString()).isEqualTo("availability");
		assertThat(replaced.json().path("title").isNull()).as("a replacement says everything").isTrue();
		assertThat(replaced.json().path("createdAt").asString()).isEqualTo(added.json().path("createdAt").asString());
		created(this.api.put(monitors + "/queue-depth", Map.of("watches", "saturation")));

		Reply listed = ok(this.api.get(monitors));
		assertThat(listed.json().path("items").findValuesAsString("name")).containsExactly("checkout-errors",
				"queue-depth");
		assertThat(ok(this.api.get(monitors + "/queue-depth")).json().path("watches").asString())
			.isEqualTo("saturation");

		assertThat(as(this.member).delete(monitors + "/queue-depth").status()).isEqualTo(204);
		problem(this.api.get(monitors + "/queue-depth"), 404, null);
		problem(this.api.delete(monitors + "/queue-depth"), 404, null);
		assertThat(this.api.get("/api/v1/audit?service=" + this.service).body()).contains("monitor.created",
				"monitor.updated", "monitor.deleted");
	}

	@Test
	void invalidMonitorsAreRefusedAndNothingIsStored() {
		String monitors = "/api/v1/services/" + this.service + "/monitors";
		problem(this.api.post(monitors, Map.of("name", "no-watches")), 400, "watches");
		problem(this.api.post(monitors, Map.of("name", "odd", "watches", "vibes")), 400, "watches");
		problem(this.api.post(monitors, Map.of("name", "Not A Slug", "watches", "errors")), 400, "name");
		problem(this.api.post(monitors, Map.of("watches", "errors")), 400, "name");
		problem(this.api.post(monitors, Map.of("name", "ftp", "watches", "errors", "link", "ftp://files.example.com")),
				400, "link");
		problem(this.api.post(monitors, Map.of("name", "rel", "watches", "errors", "link", "/d/relative")), 400,
				"link");
		problem(this.api.post(monitors, Map.of("name", "js", "watches", "errors", "link", "javascript:alert(1)")), 400,
				"link");
		problem(this.api.post(monitors, Map.of("name", "slo", "watches", "errors", "slo", "Checkout SLO")), 400, "slo");
		problem(this.api.post(monitors, Map.of("name", "long", "watches", "errors", "title", "t".repeat(201))), 400,
				"title");
		Reply both = this.api.post(monitors, Map.of("name", "x", "watches", "nope", "link", "nope"));
		problem(both, 400, "watches");
		assertThat(both.json().path("errors").findValuesAsString("field")).contains("link");
		problem(this.api.put(monitors + "/renamed", Map.of("name", "other", "watches", "errors")), 400, "name");
		problem(this.api.put(monitors + "/Bad_Name", Map.of("watches", "errors")), 400, "name");
		problem(this.api.post(monitors, "{not json"), 400, null);
		assertThat(ok(this.api.get(monitors)).json().path("items").size()).isZero();
		problem(this.api.post("/api/v1/services/" + unique("missing") + "/monitors",
				Map.of("name", "a", "watches", "errors")), 404, null);
	}

	@Test
	void aReviewRecordsWhoWhenAndFindingsAndMovesTheDueDate() {
		created(this.api.post("/api/v1/services/" + this.service + "/monitors",
				Map.of("name", "latency-p99", "watches", "latency")));
		Instant before = this.clock.instant();
		Reply recorded = created(as(this.member).post(reviews(), Map.of("findings",
				"p99 alert threshold was too loose; lowered to 400 ms", "monitorsReviewed", List.of("latency-p99"))));
		JsonNode review = recorded.json();
		Instant at = Instant.parse(review.path("at").asString());
		assertThat(review.path("reviewer").asString()).isEqualTo(this.member);
		assertThat(review.path("service").asString()).isEqualTo(this.service);
		assertThat(review.path("findings").asString()).startsWith("p99 alert threshold");
		assertThat(review.path("monitorsReviewed").get(0).asString()).isEqualTo("latency-p99");
		assertThat(at).isBetween(before, this.clock.instant());
		assertThat(recorded.header("Location")).contains(reviews() + "/" + review.path("id").asLong());

		JsonNode status = ok(this.api.get("/api/v1/services/" + this.service + "/monitoring")).json();
		assertThat(status.path("lastReview").path("id").asLong()).isEqualTo(review.path("id").asLong());
		assertThat(status.path("cadence").asString()).isEqualTo("P60D");
		assertThat(Instant.parse(status.path("nextDue").asString())).isEqualTo(at.plus(Duration.ofDays(60)));
		assertThat(status.path("overdue").asBoolean()).isFalse();
		assertThat(status.path("monitors").findValuesAsString("name")).containsExactly("latency-p99");

		long second = created(this.api.post(reviews(), Map.of("findings", "All good"))).json().path("id").asLong();
		Reply first = ok(this.api.get(reviews() + "?limit=1"));
		assertThat(first.json().path("items").get(0).path("id").asLong()).as("newest first").isEqualTo(second);
		Reply next = ok(this.api.get(reviews() + "?limit=1&cursor=" + first.json().path("nextCursor").asString()));
		assertThat(next.json().path("items").get(0).path("id").asLong()).isEqualTo(review.path("id").asLong());
		assertThat(next.json().path("nextCursor").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/audit?service=" + this.service).body()).contains("monitoring-review.recorded");
	}

	@Test
	void anInvalidReviewIsRefusedAndNothingIsStored() {
		problem(this.api.post(reviews(), Map.of("monitorsReviewed", List.of())), 400, "findings");
		problem(this.api.post(reviews(), Map.of("findings", "   ")), 400, "findings");
		problem(this.api.post(reviews(), Map.of("findings", "x".repeat(10_001))), 400, "findings");
		Reply unknown = this.api.post(reviews(), Map.of("findings", "Fine", "monitorsReviewed", List.of("ghost")));
		problem(unknown, 400, "monitorsReviewed");
		assertThat(unknown.json().path("detail").asString()).contains("ghost");
		problem(this.api.post(reviews(), Map.of("findings", "Fine", "monitorsReviewed", List.of("Not A Name"))), 400,
				"monitorsReviewed");
		assertThat(ok(this.api.get(reviews())).json().path("items").size()).isZero();
		problem(this.api.post("/api/v1/services/" + unique("missing") + "/monitoring-reviews",
				Map.of("findings", "Fine")), 404, null);
		problem(this.api.get("/api/v1/services/" + unique("missing") + "/monitoring"), 404, null);
	}

	/**
	 * A service never reviewed falls due a cadence (30, 60, 90, 90 days by tier) after it
	 * was registered, and is listed as overdue once that has passed until it is reviewed.
	 */
	@Test
	void theCadenceFollowsTheTierAndAnOverdueReviewIsListedUntilReviewed() {
		Map<Integer, String> byTier = new HashMap<>();
		for (int tier = 1; tier <= 4; tier++) {
			byTier.put(tier, service(this.owner, tier));
		}
		for (Map.Entry<Integer, String> entry : byTier.entrySet()) {
			Instant registered = Instant
				.parse(ok(this.api.get("/api/v1/services/" + entry.getValue())).json().path("createdAt").asString());
			JsonNode status = ok(this.api.get("/api/v1/services/" + entry.getValue() + "/monitoring")).json();
			int days = List.of(30, 60, 90, 90).get(entry.getKey() - 1);
			assertThat(status.path("cadence").asString()).isEqualTo("P" + days + "D");
			assertThat(status.path("tier").asInt()).isEqualTo(entry.getKey());
			assertThat(Instant.parse(status.path("nextDue").asString()))
				.isEqualTo(registered.plus(Duration.ofDays(days)));
			assertThat(status.path("lastReview").isNull()).isTrue();
			assertThat(status.path("overdue").asBoolean()).isFalse();
		}
		assertThat(overdueServices(null)).doesNotContainAnyElementsOf(byTier.values());

		this.clock.advance(Duration.ofDays(32));
		JsonNode tierOne = ok(this.api.get("/api/v1/services/" + byTier.get(1) + "/monitoring")).json();
		assertThat(tierOne.path("overdue").asBoolean()).isTrue();
		assertThat(tierOne.path("daysOverdue").asLong()).isBetween(1L, 2L);
		assertThat(ok(this.api.get("/api/v1/services/" + byTier.get(2) + "/monitoring")).json()
			.path("overdue")
			.asBoolean()).isFalse();
		List<JsonNode> overdue = overdue(this.owner);
		assertThat(overdue).extracting(item -> item.path("service").asString()).containsExactly(byTier.get(1));
		JsonNode item = overdue.get(0);
		assertThat(item.path("owner").asString()).isEqualTo(this.owner);
		assertThat(item.path("tier").asInt()).isEqualTo(1);
		assertThat(item.path("lastReviewedAt").isNull()).isTrue();
		assertThat(item.path("due").asString()).isEqualTo(tierOne.path("nextDue").asString());
		assertThat(item.path("daysOverdue").asLong()).isEqualTo(tierOne.path("daysOverdue").asLong());
		assertThat(overdueServices(null)).contains(byTier.get(1)).doesNotContain(byTier.get(2));

		Instant reviewedAt = Instant
			.parse(created(as(this.member).post("/api/v1/services/" + byTier.get(1) + "/monitoring-reviews",
					Map.of("findings", "Dashboards fine")))
				.json()
				.path("at")
				.asString());
		assertThat(overdueServices(this.owner)).doesNotContain(byTier.get(1));
		JsonNode reviewed = ok(this.api.get("/api/v1/services/" + byTier.get(1) + "/monitoring")).json();
		assertThat(reviewed.path("overdue").asBoolean()).isFalse();
		assertThat(Instant.parse(reviewed.path("nextDue").asString())).isEqualTo(reviewedAt.plus(Duration.ofDays(30)));

		this.clock.advance(Duration.ofDays(31));
		List<JsonNode> later = overdue(this.owner);
		assertThat(later).extracting(row -> row.path("service").asString())
			.as("longest overdue first")
			.containsExactly(this.service, byTier.get(2), byTier.get(1));
		assertThat(later.get(2).path("lastReviewedBy").asString()).isEqualTo(this.member);
		assertThat(Instant.parse(later.get(2).path("lastReviewedAt").asString())).isEqualTo(reviewedAt);
	}

	@Test
	void aRetiredServiceNeedsNoReview() {
		String retired = service(this.owner, 1);
		ok(this.api.patch("/api/v1/services/" + retired, Map.of("lifecycle", "retired")));
		this.clock.advance(Duration.ofDays(31));
		JsonNode status = ok(this.api.get("/api/v1/services/" + retired + "/monitoring")).json();
		assertThat(status.path("nextDue").isNull()).isTrue();
		assertThat(status.path("overdue").asBoolean()).isFalse();
		assertThat(overdueServices(this.owner)).doesNotContain(retired);
	}

	@Test
	void onlyTheOwningTeamAndTheTeamThatAcceptedItsMonitoringChangeIt() {
		String outsider = user();
		team("stream", List.of(Map.of("user", outsider, "role", "lead")));
		String monitors = "/api/v1/services/" + this.service + "/monitors";
		problem(as(outsider).post(monitors, Map.of("name", "mine", "watches", "errors")), 403, null);
		problem(as(outsider).put(monitors + "/mine", Map.of("watches", "errors")), 403, null);
		problem(as(outsider).post(reviews(), Map.of("findings", "Looks fine to me")), 403, null);
		Reply readOnly = created(this.api.post("/api/v1/users/" + this.member + "/tokens",
				Map.of("name", unique("read"), "scopes", List.of("read"))));
		problem(this.api.withToken(readOnly.json().path("token").asString()).post(reviews(), Map.of("findings", "x")),
				403, null);
		assertThat(ok(this.api.get(monitors)).json().path("items").size()).isZero();
		assertThat(ok(this.api.get(reviews())).json().path("items").size()).isZero();
		assertThat(ok(as(outsider).get("/api/v1/services/" + this.service + "/monitoring")).json()
			.path("service")
			.asString()).as("anyone reads").isEqualTo(this.service);

		String observer = user();
		String observability = team("shared", List.of(Map.of("user", observer, "role", "lead")));
		assertThat(this.api
			.put("/api/v1/services/" + this.service + "/responsibilities/monitoring",
					Map.of("handledBy", observability))
			.status()).isBetween(200, 299);
		problem(as(observer).post(reviews(), Map.of("findings", "Before accepting")), 403, null);
		assertThat(as(observer).post("/api/v1/services/" + this.service + "/responsibilities/monitoring/accept", null)
			.status()).isBetween(200, 299);
		Reply byDelegate = created(as(observer).post(reviews(), Map.of("findings", "Alert routing checked")));
		assertThat(byDelegate.json().path("reviewer").asString()).isEqualTo(observer);
		created(as(observer).post(monitors, Map.of("name", "synthetic-login", "watches", "availability")));
	}

	private String reviews() {
		return "/api/v1/services/" + this.service + "/monitoring-reviews";
	}

	private List<JsonNode> overdue(String owner) {
		Reply reply = ok(this.api.get("/api/v1/monitoring-reviews/overdue" + (owner == null ? "" : "?owner=" + owner)));
		return reply.json().path("items").valueStream().toList();
	}

	private List<String> overdueServices(String owner) {
		return overdue(owner).stream().map(item -> item.path("service").asString()).toList();
	}

	private ApiClient as(String user) {
		Reply token = created(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", unique("token"), "scopes", List.of("write"))));
		return this.api.withToken(token.json().path("token").asString());
	}

}
