package dev.steward.common;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Timers that Prometheus receives as histograms: with bucket bounds of their own, so that
 * {@code histogram_quantile} gives percentiles over every node (docs/metrics.md).
 */
public final class Histograms {

	private Histograms() {
	}

	/**
	 * The timer {@code name} with {@code tags} (alternating keys and values) and the
	 * bucket bounds {@code buckets}, registered once.
	 */
	public static Timer timer(MeterRegistry meters, String name, String description, Duration[] buckets,
			String... tags) {
		return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(buckets).register(meters);
	}

}
