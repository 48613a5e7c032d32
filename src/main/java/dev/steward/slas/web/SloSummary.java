package dev.steward.slas.web;

import java.time.Duration;

import dev.steward.slas.BurnRateRules;
import dev.steward.slas.SloIndicator;
import dev.steward.slas.SloStatus;

/**
 * An SLO's status as its pages write it: what it counts, its objective and window, SLI,
 * the budget left (with a 0–1 meter value) and its alert.
 */
record SloSummary(SloStatus status) {

	public String label() {
		return this.status.title() != null ? this.status.title() : this.status.name();
	}

	/** "availability", or "latency under 300 ms". */
	public String indicator() {
		return this.status.indicator() == SloIndicator.LATENCY && this.status.latencyThreshold() != null
				? "latency under " + SloText.latency(Duration.parse(this.status.latencyThreshold()))
				: this.status.indicator().key();
	}

	public String objective() {
		return SloText.percent(this.status.objective(), 4);
	}

	public String window() {
		return SloText.duration(Duration.parse(this.status.window()), false);
	}

	/** The window as ISO-8601 in days, such as {@code P30D}. */
	public String windowKey() {
		return BurnRateRules.key(Duration.parse(this.status.window()));
	}

	/** The SLI over the window, or a dash without events. */
	public String sli() {
		return this.status.sli() == null ? "—" : SloText.percent(this.status.sli(), 3);
	}

	/** Whether the SLI is below the objective. */
	public boolean missed() {
		return this.status.sli() != null && this.status.sli() < this.status.objective();
	}

	/** The share of the budget left, or a dash without events. */
	public String remaining() {
		Double ratio = this.status.errorBudget().remainingRatio();
		return ratio == null ? "—" : SloText.percent(ratio * 100, 1);
	}

	/** The share of the budget left for a meter: from 0 (spent or overspent) to 1. */
	public double meter() {
		Double ratio = this.status.errorBudget().remainingRatio();
		return ratio == null ? 1 : Math.max(0, Math.min(1, ratio));
	}

	public String alert() {
		return this.status.alert().key();
	}

}
