package dev.steward.slas.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SloApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	private String service;

	private String slos;

	@BeforeEach
	void service() {
		this.service = service(team(), 2);
		this.slos = "/api/v1/services/" + this.service + "/slos";
	}

	@Test
	void anSloIsDefinedListedChangedAndDeleted() {
		Reply created = created(this.api.post(this.slos, slo("checkout-latency", "latency", 99.5, "P28D", "PT0.3S")));
		assertThat(created.header("Location")).hasValue(this.slos + "/checkout-latency");
		assertThat(created.json().path("indicator").asString()).isEqualTo("latency");
		assertThat(created.json().path("latencyThreshold").asString()).isEqualTo("PT0.3S");
		assertThat(created.json().path("window").asString()).as("as given, not in hours").isEqualTo("P28D");
		assertThat(created.json().path("alert").asString()).isEqualTo("none");
		problem(this.api.post(this.slos, slo("checkout-latency", "latency", 99.5, "P28D", "PT0.3S")), 409, null);
		assertThat(ok(this.api.get(this.slos)).json().path("items").size()).isEqualTo(1);
		Reply patched = ok(this.api.patch(this.slos + "/checkout-latency", Map.of("objective", 99.9)));
		assertThat(patched.json().path("objective").asDouble()).isEqualTo(99.9);
		assertThat(this.api.delete(this.slos + "/checkout-latency").status()).isEqualTo(204);
		problem(this.api.get(this.slos + "/checkout-latency"), 404, null);
	}

	@Test
	void invalidSlosAreRefusedAndNothingIsStored() {
		problem(this.api.post(this.slos, slo("a", "speed", 99.9, "P30D", null)), 400, "indicator");
		problem(this.api.post(this.slos, slo("a", "availability", 100.0, "P30D", null)), 400, "objective");
		problem(this.api.post(this.slos, slo("a", "availability", 0.0, "P30D", null)), 400, "objective");
		problem(this.api.post(this.slos, slo("a", "availability", 99.9, "P365D", null)), 400, "window");
		problem(this.api.post(this.slos, slo("a", "availability", 99.9, "30 days", null)), 400, "window");
		problem(this.api.post(this.slos, slo("a", "latency", 99.9, "P30D", null)), 400, "latencyThreshold");
		problem(this.api.post(this.slos, slo("a", "availability", 99.9, "P30D", "PT1S")), 400, "latencyThreshold");
		problem(this.api.post(this.slos, slo("prometheus-rules", "availability", 99.9, "P30D", null)), 400, "name");
		assertThat(ok(this.api.get(this.slos)).json().path("items").size()).isZero();
	}

	@Test
	void pushedCountsGiveBudgetAndBurnRatesAndAResentMinuteReplacesItsCounts() {
		created(this.api.post(this.slos, slo("availability", "availability", 99, "P30D", null)));
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			samples.add(sample(minute.minus(Duration.ofMinutes(i)), 990, 1000));
		}
		Reply pushed = ok(this.api.post(this.slos + "/availability/samples", Map.of("samples", samples)));
		assertThat(pushed.json().path("totalEvents").asLong()).isEqualTo(10_000);
		ok(this.api.post(this.slos + "/availability/samples", Map.of("samples",
				List.of(sample(minute, 990, 1000), sample(minute.minus(Duration.ofMinutes(1)), 900, 1000)))));
		JsonNode status = ok(this.api.get(this.slos + "/availability")).json();
		assertThat(status.path("totalEvents").asLong()).as("re-sent minutes replace, not add").isEqualTo(10_000);
		assertThat(status.path("goodEvents").asLong()).isEqualTo(9_810);
		assertThat(status.path("sli").asDouble()).isCloseTo(98.1, within(1e-9));
		assertThat(status.path("errorBudget").path("total").asDouble()).isCloseTo(100, within(1e-9));
		assertThat(status.path("errorBudget").path("consumed").asLong()).isEqualTo(190);
		assertThat(status.path("errorBudget").path("remaining").asDouble()).isCloseTo(-90, within(1e-9));
		// the last 5 minutes: 5,000 events, 140 bad (2.8 %) against 1 % allowed
		assertThat(status.path("burnRates").path("PT5M").asDouble()).isCloseTo(2.8, within(1e-9));
		assertThat(status.path("burnRates").path("PT1H").asDouble()).isCloseTo(1.9, within(1e-9));
		assertThat(status.path("burnRates").propertyNames()).containsExactly("PT5M", "PT30M", "PT1H", "PT2H", "PT6H",
				"P1D", "P3D");
	}

	@Test
	void badSamplesAreRefusedAndNothingIsCounted() {
		created(this.api.post(this.slos, slo("availability", "availability", 99, "P30D", null)));
		Instant now = this.clock.instant();
		String samples = this.slos + "/availability/samples";
		problem(this.api.post(samples, Map.of("samples", List.of(sample(now, 11, 10)))), 400, "samples[0].good");
		problem(this.api.post(samples, Map.of("samples", List.of(sample(now, -1, 10)))), 400, "samples[0]");
		problem(this.api.post(samples, Map.of("samples", List.of(sample(now.plus(Duration.ofMinutes(2)), 1, 1)))), 400,
				"samples[0].at");
		problem(this.api.post(samples, Map.of("samples", List.of(sample(now, 1, 1), sample(now, 5, 1)))), 400,
				"samples[1].good");
		problem(this.api.post(samples, Map.of("samples", List.of())), 400, "samples");
		assertThat(ok(this.api.get(this.slos + "/availability")).json().path("totalEvents").asLong()).isZero();
	}

	@Test
	void aFastBurnOpensAHighUrgencyIncidentAndRecoveryResolvesIt() {
		created(this.api.post(this.slos, slo("availability", "availability", 99.9, "P30D", null)));
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Map<String, Object>> failing = new ArrayList<>();
		List<Map<String, Object>> healthy = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			failing.add(sample(minute.minus(Duration.ofMinutes(i)), 950, 1000));
			healthy.add(sample(minute.minus(Duration.ofMinutes(i)), 1000, 1000));
		}
		JsonNode paging = ok(this.api.post(this.slos + "/availability/samples", Map.of("samples", failing))).json();
		assertThat(paging.path("alert").asString()).isEqualTo("page");
		assertThat(paging.path("burnRates").path("PT1H").asDouble()).isCloseTo(50, within(1e-9));
		JsonNode incident = ok(this.api.get("/api/v1/incidents?service=" + this.service)).json().path("items").get(0);
		assertThat(incident.path("urgency").asString()).isEqualTo("high");
		assertThat(incident.path("status").asString()).isEqualTo("triggered");
		assertThat(incident.path("title").asString()).contains("availability").contains("page");

		ok(this.api.post(this.slos + "/availability/samples", Map.of("samples", failing)));
		assertThat(ok(this.api.get("/api/v1/incidents?service=" + this.service)).json().path("items").size())
			.as("one incident per SLO")
			.isEqualTo(1);

		JsonNode recovered = ok(this.api.post(this.slos + "/availability/samples", Map.of("samples", healthy))).json();
		assertThat(recovered.path("alert").asString()).isEqualTo("none");
		assertThat(ok(this.api.get("/api/v1/incidents/" + incident.path("number").asLong())).json()
			.path("status")
			.asString()).isEqualTo("resolved");
	}

	@Test
	void aSlowBurnOpensALowUrgencyTicket() {
		created(this.api.post(this.slos, slo("availability", "availability", 99.9, "P30D", null)));
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Map<String, Object>> samples = new ArrayList<>();
		// 0.5 % errors for the last 3 hours: burn 5 over 1 h, 2 h and 6 h (only 3 h of
		// data),
		// below the pages' 14.4 and 6 over their long windows, above the ticket's 3 over
		// 1 d and 2 h
		for (int i = 0; i < 180; i++) {
			samples.add(sample(minute.minus(Duration.ofMinutes(i)), 995, 1000));
		}
		JsonNode status = ok(this.api.post(this.slos + "/availability/samples", Map.of("samples", samples))).json();
		assertThat(status.path("burnRates").path("P1D").asDouble()).isCloseTo(5, within(1e-9));
		assertThat(status.path("alert").asString()).isEqualTo("ticket");
		JsonNode incident = ok(this.api.get("/api/v1/incidents?service=" + this.service)).json().path("items").get(0);
		assertThat(incident.path("urgency").asString()).isEqualTo("low");
	}

	@Test
	void aPageDuringVerificationRollsTheDeploymentBack() {
		standardEnvironments();
		String environment = environment("non-production", false);
		long deployment = created(this.api.post("/api/v1/deployments",
				Map.of("service", this.service, "environment", environment, "version", "2.0.0")))
			.json()
			.path("id")
			.asLong();
		created(this.api.post(this.slos, slo("availability", "availability", 99.9, "P30D", null)));
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Map<String, Object>> failing = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			failing.add(sample(minute.minus(Duration.ofMinutes(i)), 500, 1000));
		}
		ok(this.api.post(this.slos + "/availability/samples", Map.of("samples", failing)));
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					ok(this.api.get("/api/v1/deployments/" + deployment)).json().path("status").asString())
				.isEqualTo("rolling-back"));
	}

	private static Map<String, Object> slo(String name, String indicator, double objective, String window,
			String threshold) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("indicator", indicator);
		body.put("objective", objective);
		body.put("window", window);
		if (threshold != null) {
			body.put("latencyThreshold", threshold);
		}
		return body;
	}

	private static Map<String, Object> sample(Instant at, long good, long total) {
		return Map.of("at", at.toString(), "good", good, "total", total);
	}

}
