package dev.steward.reporting;

import java.time.Instant;
import java.util.List;

/**
 * Every service rolled up over a period: in total, by parent group of the owning team, by
 * product and by tier, with weekly trends; and the organization's STOSA compliance per
 * aspect as it stands now.
 */
public record OrganizationReport(Instant since, Instant until, RollUp total, List<RollUp> byGroup,
		List<RollUp> byProduct, List<RollUp> byTier, List<Week> weeks, List<AspectCompliance> compliance) {

	/** The figures of the services that share one key (a group, product or tier). */
	public record RollUp(String key, int services, IncidentFigures incidents, DoraFigures dora,
			int emergencyOverrides) {
	}

	/** One ISO week (UTC) of the period, such as {@code 2026-W09}. */
	public record Week(String week, int incidents, int high, int deployments, Double changeFailureRate) {
	}

}
