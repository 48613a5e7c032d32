package dev.steward.slas;

import java.time.Duration;

/**
 * How many of the whole minutes of a recent {@code period} before the current minute have
 * pushed (or pulled) counts: {@code covered} of {@code minutes}.
 */
public record SampleCoverage(Duration period, long covered, long minutes) {

	/** The covered share, from 0 to 1. */
	public double ratio() {
		return this.minutes == 0 ? 0 : (double) this.covered / this.minutes;
	}

}
