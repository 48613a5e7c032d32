package dev.steward.slas;

import java.time.Instant;
import java.util.Map;

/**
 * An SLO evaluated at an instant: the SLI over its window ({@code null} without events),
 * the error budget in events, burn rates by window (ISO-8601 keys such as {@code PT5M}),
 * and its alert.
 */
public record SloStatus(String service, String name, String title, SloIndicator indicator, double objective,
		String window, String latencyThreshold, Instant at, Long goodEvents, Long totalEvents, Double sli,
		ErrorBudget errorBudget, Map<String, Double> burnRates, SloAlert alert, Instant alertSince) {

	/**
	 * The error budget over the window, in events: {@code total} = (1 − objective) × all
	 * events, {@code consumed} = bad events, {@code remaining} = total − consumed
	 * (negative once spent), and {@code remainingRatio} = remaining / total.
	 */
	public record ErrorBudget(double total, long consumed, double remaining, Double remainingRatio) {
	}

}
