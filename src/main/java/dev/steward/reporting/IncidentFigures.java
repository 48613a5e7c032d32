package dev.steward.reporting;

/**
 * Incidents triggered in a report's period: how many, by urgency, mean times to
 * acknowledge and resolve (whole seconds, {@code null} when none was), how many missed
 * their response SLA, and how many of their postmortems are overdue.
 */
public record IncidentFigures(int total, int high, int low, Long mttaSeconds, Long mttrSeconds, int responseSlaBreaches,
		int postmortemsOverdue) {
}
