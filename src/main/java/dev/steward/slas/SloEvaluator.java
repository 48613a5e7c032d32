package dev.steward.slas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.Keyed;
import dev.steward.common.SloBurnAlert;
import dev.steward.incidents.Event;
import dev.steward.incidents.EventAction;
import dev.steward.incidents.Incidents;
import dev.steward.incidents.Severity;
import dev.steward.incidents.Urgency;
import dev.steward.slas.internal.BucketStore;
import dev.steward.slas.internal.BucketStore.Counts;
import dev.steward.slas.internal.SloStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates SLOs from the running sums of their buckets: SLI, error budget and burn rates
 * at an instant, and the burn-rate alert. When an SLO's alert changes, it resolves the
 * incident of the old alert and opens one for the new (a page high-urgency, a ticket
 * low-urgency, one open incident per SLO), and publishes {@link SloBurnAlert}.
 */
@Service
@Transactional
public class SloEvaluator {

	/** The source and dedup-key prefix of the incidents SLO alerts open. */
	static final String SOURCE = "steward-slo";

	private final SloStore slos;

	private final BucketStore buckets;

	private final ServiceCatalog services;

	private final Incidents incidents;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SloEvaluator(SloStore slos, BucketStore buckets, ServiceCatalog services, Incidents incidents,
			ApplicationEventPublisher events, Clock clock) {
		this.slos = slos;
		this.buckets = buckets;
		this.services = services;
		this.incidents = incidents;
		this.events = events;
		this.clock = clock;
	}

	/** The SLO's status now, from its own buckets. */
	@Transactional(readOnly = true)
	public SloStatus status(SloStore.Row slo) {
		Instant now = this.clock.instant();
		long minute = minuteOf(now);
		return statusOf(slo, now, this.buckets.cumulativeAt(slo.id(), minute),
				back -> this.buckets.cumulativeAt(slo.id(), minute - back.toMinutes()));
	}

	/** Evaluates one SLO now and moves its alert if the burn rates say so. */
	public SloStatus evaluate(long id) {
		SloStore.Row slo = this.slos.lock(id).orElseThrow();
		SloStatus status = status(slo);
		return moveAlert(slo, status);
	}

	/**
	 * Evaluates every SLO now with one probe of the running sums per window for all of
	 * them, and moves the alerts that changed; answers how many SLOs were evaluated.
	 */
	public int evaluateAll() {
		Instant now = this.clock.instant();
		long minute = minuteOf(now);
		List<SloStore.Row> all = this.slos.all();
		Map<Long, Counts> current = this.buckets.cumulativeAt(minute);
		Map<Long, Map<Long, Counts>> byDistance = new HashMap<>();
		Function<Long, Map<Long, Counts>> at = back -> byDistance.computeIfAbsent(back,
				distance -> this.buckets.cumulativeAt(minute - distance));
		for (SloStore.Row slo : all) {
			SloStatus status = statusOf(slo, now, current.getOrDefault(slo.id(), Counts.ZERO),
					back -> at.apply(back.toMinutes()).getOrDefault(slo.id(), Counts.ZERO));
			if (status.alert() != Keyed.fromKey(SloAlert.class, slo.alert()).orElseThrow()) {
				// the burn rates just computed decide; the locked row tells the alert to
				// move
				// from (another node or a pushed sample may have moved it meanwhile)
				this.slos.lock(slo.id()).ifPresent(locked -> moveAlert(locked, status));
			}
		}
		return all.size();
	}

	/**
	 * The status of an SLO from its running sums now ({@code current}) and {@code back}
	 * before now ({@code earlier}).
	 */
	static SloStatus statusOf(SloStore.Row slo, Instant now, Counts current, Function<Duration, Counts> earlier) {
		Duration window = Duration.ofMinutes(slo.windowMinutes());
		Counts inWindow = current.minus(earlier.apply(window));
		double allowedShare = 1 - slo.objective() / 100;
		long bad = inWindow.total() - inWindow.good();
		double budget = allowedShare * inWindow.total();
		Map<String, Double> burnRates = new LinkedHashMap<>();
		Map<Duration, Double> byWindow = new HashMap<>();
		for (Duration burnWindow : BurnRateRules.WINDOWS) {
			Counts counts = current.minus(earlier.apply(burnWindow));
			double burn = counts.total() == 0 ? 0
					: (double) (counts.total() - counts.good()) / counts.total() / allowedShare;
			burnRates.put(BurnRateRules.key(burnWindow), round(burn));
			byWindow.put(burnWindow, burn);
		}
		SloAlert alert = BurnRateRules.alert(byWindow, window);
		return new SloStatus(slo.service(), slo.name(), slo.title(),
				Keyed.fromKey(SloIndicator.class, slo.indicator()).orElseThrow(), slo.objective(), slo.window(),
				slo.latencyThreshold(), now, inWindow.good(), inWindow.total(),
				inWindow.total() == 0 ? null : (double) inWindow.good() / inWindow.total() * 100,
				new SloStatus.ErrorBudget(budget, bad, budget - bad, budget == 0 ? null : (budget - bad) / budget),
				burnRates, alert, alert.key().equals(slo.alert()) ? slo.alertSince() : now, null);
	}

	/**
	 * The budget burn-down of the SLO's current window at {@code points} instants spaced
	 * evenly from the window's start to now (see {@link BurnDownPoint}): one probe of the
	 * running sums per point.
	 */
	@Transactional(readOnly = true)
	public List<BurnDownPoint> burnDown(SloStore.Row slo, int points) {
		return burnDownOf(slo, minuteOf(this.clock.instant()), points,
				minute -> this.buckets.cumulativeAt(slo.id(), minute));
	}

	/**
	 * The burn-down of an SLO whose window ends with {@code nowMinute}, from its running
	 * sums by minute. The budget is that of the whole window so far, (1 − objective) ×
	 * the events from its start to now; a point's ratio is 1 − the bad events from the
	 * start up to and including the point's minute over that budget.
	 */
	static List<BurnDownPoint> burnDownOf(SloStore.Row slo, long nowMinute, int points,
			LongFunction<Counts> cumulativeAt) {
		if (points < 2) {
			throw new IllegalArgumentException("A burn-down needs at least two points");
		}
		long start = nowMinute - slo.windowMinutes();
		Counts atStart = cumulativeAt.apply(start);
		Counts atNow = cumulativeAt.apply(nowMinute);
		double budget = (1 - slo.objective() / 100) * atNow.minus(atStart).total();
		List<BurnDownPoint> curve = new ArrayList<>(points);
		for (int i = 0; i < points; i++) {
			long minute = start + Math.round((double) i * slo.windowMinutes() / (points - 1));
			Counts spent = (minute == nowMinute ? atNow : minute == start ? atStart : cumulativeAt.apply(minute))
				.minus(atStart);
			long bad = spent.total() - spent.good();
			curve.add(new BurnDownPoint(Instant.ofEpochSecond(minute * 60), budget == 0 ? null : 1 - bad / budget));
		}
		return curve;
	}

	/**
	 * How many of the whole minutes of {@code period} before the current minute have a
	 * bucket. The period may be at most the longest burn-rate window, within which
	 * buckets are still per minute.
	 */
	@Transactional(readOnly = true)
	public SampleCoverage coverage(SloStore.Row slo, Duration period) {
		if (period.compareTo(BurnRateRules.WINDOWS.getLast()) > 0) {
			throw new IllegalArgumentException("Coverage is counted over at most the minute buckets of 3 days");
		}
		long last = minuteOf(this.clock.instant()) - 1;
		long minutes = period.toMinutes();
		return new SampleCoverage(period, this.buckets.bucketsBetween(slo.id(), last - minutes, last), minutes);
	}

	private SloStatus moveAlert(SloStore.Row slo, SloStatus status) {
		SloAlert before = Keyed.fromKey(SloAlert.class, slo.alert()).orElseThrow();
		SloAlert after = status.alert();
		if (before == after) {
			return status;
		}
		Instant now = status.at();
		this.slos.setAlert(slo.id(), after.key(), after == SloAlert.NONE ? null : now);
		ServiceEntry service = this.services.service(slo.service());
		String dedupKey = SOURCE + "/" + slo.name();
		double burn = status.burnRates().getOrDefault("PT1H", 0.0);
		if (before != SloAlert.NONE) {
			this.incidents.ingest(service,
					new Event(EventAction.RESOLVE, dedupKey,
							"SLO " + label(slo) + " no longer burning at " + before.key() + " level", Severity.INFO,
							SOURCE, Map.of(), List.of(), "slo"),
					SOURCE);
			this.events.publishEvent(new SloBurnAlert(slo.service(), slo.name(), before.key(), false, burn, now));
		}
		if (after != SloAlert.NONE) {
			this.incidents.ingest(service,
					new Event(EventAction.TRIGGER, dedupKey, summary(slo, after, status),
							after == SloAlert.PAGE ? Severity.CRITICAL : Severity.WARNING, SOURCE,
							Map.of("slo", slo.name(), "objective", slo.objective(), "window", slo.window(), "burnRates",
									status.burnRates()),
							List.of(), "slo"),
					SOURCE, after == SloAlert.PAGE ? Urgency.HIGH : Urgency.LOW);
			this.events.publishEvent(new SloBurnAlert(slo.service(), slo.name(), after.key(), true, burn, now));
		}
		return new SloStatus(status.service(), status.name(), status.title(), status.indicator(), status.objective(),
				status.window(), status.latencyThreshold(), status.at(), status.goodEvents(), status.totalEvents(),
				status.sli(), status.errorBudget(), status.burnRates(), after, after == SloAlert.NONE ? null : now,
				status.lastPull());
	}

	private static String summary(SloStore.Row slo, SloAlert alert, SloStatus status) {
		return String.format(Locale.ROOT, "SLO %s of %s burning its error budget (%s): %.1f× over 1 h, %.1f× over 6 h",
				label(slo), slo.service(), alert.key(), status.burnRates().get("PT1H"), status.burnRates().get("PT6H"));
	}

	private static String label(SloStore.Row slo) {
		return slo.title() != null ? "'" + slo.title() + "'" : "'" + slo.name() + "'";
	}

	static long minuteOf(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), 60);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
