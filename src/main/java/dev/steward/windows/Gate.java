package dev.steward.windows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.Histograms;
import dev.steward.environments.Environments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate: may a service deploy to an environment at an instant? An active blackout of
 * the company, the service's product or the service closes it; otherwise, where allow
 * windows apply, one of them must be active; otherwise it is open. Each decision asked
 * for is timed as {@code steward.gate.decision} (tag {@code decision}: open or closed).
 */
@Service
@Transactional(readOnly = true)
public class Gate {

	/** Decision buckets around the target of a p99 under 5 ms. */
	private static final Duration[] DECISION_BUCKETS = { Duration.ofNanos(500_000), Duration.ofMillis(1),
			Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250) };

	private final WindowIndex index;

	private final ServiceCatalog services;

	private final Environments environments;

	private final Clock clock;

	private final Timer open;

	private final Timer closed;

	Gate(WindowIndex index, ServiceCatalog services, Environments environments, Clock clock, MeterRegistry meters) {
		this.index = index;
		this.services = services;
		this.environments = environments;
		this.clock = clock;
		this.open = decisionTimer(meters, "open");
		this.closed = decisionTimer(meters, "closed");
	}

	private static Timer decisionTimer(MeterRegistry meters, String decision) {
		return Histograms.timer(meters, "steward.gate.decision",
				"How long the gate took to decide whether a service may deploy", DECISION_BUCKETS, "decision",
				decision);
	}

	/**
	 * The answer at {@code at} (now when null); unknown service or environment → not
	 * found.
	 */
	public GateDecision decide(String service, String environment, Instant at) {
		long started = System.nanoTime();
		Instant instant = at == null ? this.clock.instant() : at;
		GateDecision decision = decide(this.services.service(service), environment, instant);
		(decision.open() ? this.open : this.closed).record(Duration.ofNanos(System.nanoTime() - started));
		return decision;
	}

	/**
	 * The answer at the first instant in {@code [start, end)} at which the gate is
	 * closed, or empty when it stays open throughout.
	 */
	public Optional<GateDecision> firstClosed(String service, String environment, Instant start, Instant end) {
		ServiceEntry entry = this.services.service(service);
		GateDecision decision = decide(entry, environment, start);
		if (!decision.open()) {
			return Optional.of(decision);
		}
		if (decision.nextChange() == null || !decision.nextChange().isBefore(end)) {
			return Optional.empty();
		}
		return Optional.of(decide(entry, environment, decision.nextChange()));
	}

	private GateDecision decide(ServiceEntry service, String environment, Instant at) {
		this.environments.environment(environment);
		List<DefinedWindow> windows = this.index.applicable(Windows.scopesOf(service), environment);
		GateRules.Outcome outcome = GateRules.evaluate(windows, at);
		return new GateDecision(service.name(), environment, at, outcome.open(), outcome.reasons(),
				outcome.nextChange(), summary(service.name(), environment, outcome));
	}

	private static String summary(String service, String environment, GateRules.Outcome outcome) {
		String change = outcome.nextChange() == null ? " and does not change within a year"
				: " until " + outcome.nextChange();
		if (outcome.reasons().isEmpty()) {
			return "Open: no deployment window applies to " + service + " in " + environment + change;
		}
		String names = outcome.reasons()
			.stream()
			.map(reason -> "'" + reason.window() + "' (" + reason.scope() + ")")
			.collect(Collectors.joining(", "));
		String effect = outcome.reasons().get(0).effect();
		if (GateReason.CLOSES.equals(effect)) {
			return "Closed by blackout " + names + change;
		}
		if (GateReason.OPENS.equals(effect)) {
			return "Open in allow window " + names + change;
		}
		return "Closed: " + service + " deploys to " + environment + " only in allow windows " + names
				+ ", none active now" + change;
	}

}
