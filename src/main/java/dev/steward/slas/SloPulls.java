package dev.steward.slas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.slas.internal.BucketStore.Counts;
import dev.steward.slas.internal.PrometheusClient;
import dev.steward.slas.internal.PullStore;
import dev.steward.slas.internal.SloStore;
import org.springframework.stereotype.Service;

/**
 * Pulls the counts of SLOs with a {@code prometheus} source: one range query each for
 * good and for total events at a step of a minute, each point the events of the minute
 * that ends there ({@link PromQl} applies the window {@code 1m}), from the last pulled
 * minute on (the newest minutes are pulled again, as the current one was partial and
 * scrapes arrive late; at most {@link #FIRST_PULL} back), recorded like pushed counts. A
 * failed pull is logged and kept on the SLO; the next starts where the last good one
 * ended.
 */
@Service
public class SloPulls {

	private static final Logger log = LoggerFactory.getLogger(SloPulls.class);

	/** How far back the first pull (and a pull after a long pause) reaches. */
	static final Duration FIRST_PULL = Duration.ofHours(3);

	/** Minutes before the last pulled one that a pull fetches again. */
	static final int AGAIN_MINUTES = 2;

	private static final Duration STEP = Duration.ofMinutes(1);

	private final Slos slos;

	private final SloStore store;

	private final PullStore pulls;

	private final PrometheusClient prometheus;

	private final Clock clock;

	SloPulls(Slos slos, SloStore store, PullStore pulls, PrometheusClient prometheus, Clock clock) {
		this.slos = slos;
		this.store = store;
		this.pulls = pulls;
		this.prometheus = prometheus;
		this.clock = clock;
	}

	/** Pulls every SLO with a {@code prometheus} source; answers how many. */
	public int pullAll() {
		int pulled = 0;
		for (SloStore.Row slo : this.store.pulled()) {
			pull(slo, this.clock.instant());
			pulled++;
		}
		return pulled;
	}

	/** Pulls one SLO now and answers how it went. */
	public SloPull pull(String service, String name) {
		return pull(service, name, this.clock.instant());
	}

	/** Pulls one SLO up to {@code now} (the Prometheus server's time). */
	SloPull pull(String service, String name, Instant now) {
		SloStore.Row slo = this.slos.row(service, name);
		if (slo.prometheusUrl() == null) {
			throw new IllegalArgumentException("SLO " + name + " of " + service + " has no prometheus source");
		}
		return pull(slo, now);
	}

	private SloPull pull(SloStore.Row slo, Instant now) {
		long nowMinute = SloEvaluator.minuteOf(now);
		long earliest = nowMinute - FIRST_PULL.toMinutes() + 1;
		Long last = this.pulls.find(slo.id()).map(PullStore.Pull::minute).orElse(null);
		long from = last == null || last > nowMinute ? earliest : Math.max(earliest, last - AGAIN_MINUTES);
		long start = (from + 1) * 60;
		long end = (nowMinute + 1) * 60;
		try {
			Map<Long, Double> good = this.prometheus.range(slo.prometheusUrl(), PromQl.over(slo.goodQuery(), STEP),
					start, end, STEP);
			Map<Long, Double> total = this.prometheus.range(slo.prometheusUrl(), PromQl.over(slo.totalQuery(), STEP),
					start, end, STEP);
			Map<Long, Counts> minutes = new TreeMap<>();
			total.forEach((at, events) -> {
				long all = Math.max(0, Math.round(events));
				long fine = Math.max(0, Math.min(all, Math.round(good.getOrDefault(at, 0.0))));
				minutes.put(at / 60 - 1, new Counts(fine, all));
			});
			if (!minutes.isEmpty()) {
				this.slos.store(slo, minutes);
			}
			this.pulls.succeeded(slo.id(), nowMinute, now);
			return new SloPull(now, true, null);
		}
		catch (PrometheusClient.Failure ex) {
			return failed(slo, now, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Pulling SLO {} of {} failed", slo.name(), slo.service(), ex);
			return failed(slo, now, "Steward failed to record the counts: " + ex.getClass().getSimpleName());
		}
	}

	private SloPull failed(SloStore.Row slo, Instant now, String error) {
		log.warn("Pulling SLO {} of {} from {} failed: {}", slo.name(), slo.service(), slo.prometheusUrl(), error);
		this.pulls.failed(slo.id(), now, error);
		return new SloPull(now, false, error);
	}

}
