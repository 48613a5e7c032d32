package dev.steward.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.steward.slas.SloIndicator;

/**
 * A service's operational health over a period: incidents, DORA figures, its SLOs now,
 * its SLA agreements, changes, emergency overrides, monitoring reviews and on-call load.
 */
public record ServiceReport(String service, String owner, Instant since, Instant until, IncidentFigures incidents,
		DoraFigures dora, List<Slo> slos, List<Agreement> slaAgreements, Map<String, Integer> changes,
		int emergencyOverrides, MonitoringReviews monitoringReviews, OnCallLoad oncall) {

	/**
	 * An SLO as it stands now over its own window: SLI ({@code null} without events),
	 * share of the error budget left, and whether the budget is not overspent.
	 */
	public record Slo(String name, SloIndicator indicator, double objective, Double sli, Double budgetRemaining,
			Boolean met) {
	}

	/** An active agreement and how many breach episodes overlapped the period. */
	public record Agreement(long id, String provider, String consumer, boolean kept, long breaches) {
	}

	/**
	 * The last monitoring review, when the next is due, and whether it is overdue now.
	 */
	public record MonitoringReviews(Instant last, Instant nextDue, boolean overdue) {
	}

}
