package dev.steward.slas;

/**
 * Body of creating or fully updating an SLO: the indicator, the objective in percent (0 <
 * objective < 100), the rolling window (ISO-8601, such as {@code P30D}) and, for a
 * latency SLO, the threshold a good request stays under; {@code prometheus} makes Steward
 * pull the counts instead of waiting for them to be pushed.
 */
public record SloRequest(String name, String title, String indicator, Double objective, String window,
		String latencyThreshold, String description, PrometheusSource prometheus) {

	/** The request that would recreate this SLO, the base of a merge patch. */
	public static SloRequest from(SloEntry slo) {
		return new SloRequest(slo.name(), slo.title(), slo.indicator().key(), slo.objective(), slo.window(),
				slo.latencyThreshold(), slo.description(), slo.prometheus());
	}

}
