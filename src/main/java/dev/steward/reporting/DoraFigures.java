package dev.steward.reporting;

/**
 * The four DORA figures of production deployments whose outcome fell in a report's
 * period, each with its performance band; durations in whole seconds, {@code null} when
 * nothing could be measured.
 */
public record DoraFigures(int deployments, double deploymentFrequencyPerWeek, Long leadTimeSecondsMedian,
		Double changeFailureRate, Long failedDeploymentRecoverySecondsMedian, Bands bands) {

	/** The DORA performance band of each figure ({@code null} with no figure). */
	public record Bands(DoraBand deploymentFrequency, DoraBand leadTime, DoraBand changeFailureRate,
			DoraBand failedDeploymentRecovery) {
	}

}
