package dev.steward.slas;

import java.time.Instant;
import java.util.Map;

/**
 * An SLO evaluated at an instant: the SLI over its window ({@code null} without events),
 * the error budget in events, burn rates by window (ISO-8601 keys such as {@code PT5M}),
 * its alert, and for an SLO pulled from Prometheus its last pull ({@code null} before the
 * first).
 */
public record SloStatus(String service, String name, String title, SloIndicator indicator, double objective,
		String window, String latencyThreshold, Instant at, Long goodEvents, Long totalEvents, Double sli,
		ErrorBudget errorBudget, Map<String, Double> burnRates, SloAlert alert, Instant alertSince, SloPull lastPull) {

	/** The same status with the SLO's last pull. */
	public SloStatus withLastPull(SloPull pull) {
		return new SloStatus(this.service, this.name, this.title, this.indicator, this.objective, this.window,
				this.latencyThreshold, this.at, this.goodEvents, this.totalEvents, this.sli, this.errorBudget,
				this.burnRates, this.alert, this.alertSince, pull);
	}

	/**
	 * The error budget over the window, in events: {@code total} = (1 − objective) × all
	 * events, {@code consumed} = bad events, {@code remaining} = total − consumed
	 * (negative once spent), and {@code remainingRatio} = remaining / total.
	 */
	public record ErrorBudget(double total, long consumed, double remaining, Double remainingRatio) {
	}

}
