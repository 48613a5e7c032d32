package dev.steward.reporting;

/**
 * One service's row in a team or organization report: where it sits (owner, parent group,
 * product, tier) and its incident and DORA figures over the period.
 */
public record ServiceFigures(String service, String owner, String group, String product, int tier,
		IncidentFigures incidents, DoraFigures dora, int emergencyOverrides) {
}
