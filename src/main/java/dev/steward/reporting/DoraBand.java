package dev.steward.reporting;

import java.time.Duration;

import dev.steward.common.Keyed;

/**
 * A DORA performance band, with the cut-offs Steward derives from the clusters of the
 * DORA State of DevOps reports (2023/2024); see {@code docs/reporting.md}.
 */
public enum DoraBand implements Keyed {

	ELITE, HIGH, MEDIUM, LOW;

	private static final double DAILY = 7;

	private static final double WEEKLY = 1;

	private static final double MONTHLY = 7.0 / 30;

	/**
	 * Elite at least daily, high at least weekly, medium at least monthly (per 30 days).
	 */
	public static DoraBand ofDeploymentFrequency(double perWeek) {
		return perWeek >= DAILY ? ELITE : perWeek >= WEEKLY ? HIGH : perWeek >= MONTHLY ? MEDIUM : LOW;
	}

	/**
	 * Elite under a day, high up to a week, medium up to 30 days; null without figure.
	 */
	public static DoraBand ofLeadTime(Long seconds) {
		return seconds == null ? null
				: byDuration(seconds, Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), true);
	}

	/** Elite up to 5 %, high up to 10 %, medium up to 15 %; null without deployments. */
	public static DoraBand ofChangeFailureRate(Double rate) {
		if (rate == null) {
			return null;
		}
		return rate <= 0.05 ? ELITE : rate <= 0.10 ? HIGH : rate <= 0.15 ? MEDIUM : LOW;
	}

	/**
	 * Elite under an hour, high under a day, medium up to a week; null without figure.
	 */
	public static DoraBand ofRecoveryTime(Long seconds) {
		return seconds == null ? null
				: byDuration(seconds, Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), false);
	}

	private static DoraBand byDuration(long seconds, Duration elite, Duration high, Duration medium,
			boolean highInclusive) {
		if (seconds < elite.toSeconds()) {
			return ELITE;
		}
		if (highInclusive ? seconds <= high.toSeconds() : seconds < high.toSeconds()) {
			return HIGH;
		}
		return seconds <= medium.toSeconds() ? MEDIUM : LOW;
	}

}
