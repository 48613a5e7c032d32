package dev.steward.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.steward.monitoring.MonitorRequest;
import dev.steward.monitoring.MonitoringReviews;
import dev.steward.monitoring.Monitors;
import dev.steward.monitoring.ReviewRequest;
import dev.steward.slas.SampleRequest;
import dev.steward.slas.SampleRequest.Sample;
import dev.steward.slas.SloRequest;
import dev.steward.slas.Slos;
import org.springframework.stereotype.Component;

/**
 * The demo organization's SLOs, each with the last six hours of pushed counts: Payments'
 * availability comfortably within budget, Checkout's latency using it up faster, and
 * Search's availability without counts yet; and the monitors that cover them, with one
 * monitoring review at Payments.
 */
@Component
class DemoSlos {

	private static final int MINUTES = 6 * 60;

	private final Slos slos;

	private final Monitors monitors;

	private final MonitoringReviews reviews;

	private final Clock clock;

	DemoSlos(Slos slos, Monitors monitors, MonitoringReviews reviews, Clock clock) {
		this.slos = slos;
		this.monitors = monitors;
		this.reviews = reviews;
		this.clock = clock;
	}

	void load() {
		this.slos.create("payments-api", new SloRequest("availability", "Card payments succeed", "availability", 99.95,
				"P30D", null, "Share of authorization requests answered without a server error", null));
		this.slos.create("checkout-api", new SloRequest("latency", "Checkout answers within 400 ms", "latency", 99.0,
				"P28D", "PT0.4S", "Share of checkout requests answered within 400 ms", null));
		this.slos.create("search-api",
				new SloRequest("availability", "Search answers", "availability", 99.9, "P30D", null, null, null));
		push("payments-api", "availability", 12_000, 1);
		push("checkout-api", "latency", 3_000, 45);
		this.monitors.add("payments-api",
				new MonitorRequest("authorization-errors", "Authorization error ratio", "errors",
						"5xx answers to POST /authorizations", "https://grafana.northwind.example/d/payments",
						"availability"));
		this.monitors.add("payments-api",
				new MonitorRequest("card-network-latency", "Card network latency", "dependency",
						"p99 of the calls to the card networks", "https://grafana.northwind.example/d/networks", null));
		this.monitors.add("checkout-api", new MonitorRequest("checkout-latency", "Checkout p99 latency", "latency",
				null, "https://grafana.northwind.example/d/checkout", "latency"));
		this.reviews.record("payments-api",
				new ReviewRequest(
						"Alerts reach the on-call engineer; the card-network panel needs a per-network breakdown",
						List.of("authorization-errors", "card-network-latency")));
	}

	/** Six hours of per-minute counts with about {@code bad} bad events a minute. */
	private void push(String service, String slo, long perMinute, long bad) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Sample> samples = new ArrayList<>();
		for (int minute = MINUTES - 1; minute >= 0; minute--) {
			long wobble = minute % 7 == 0 ? bad : bad / 2;
			samples.add(new Sample(now.minus(Duration.ofMinutes(minute)).toString(), perMinute - wobble, perMinute));
		}
		this.slos.record(service, slo, new SampleRequest(samples));
	}

}
