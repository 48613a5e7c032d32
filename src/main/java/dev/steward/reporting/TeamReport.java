package dev.steward.reporting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A team's services rolled up over a period (sums, means over all their incidents,
 * medians over all their deployments), with on-call load per paged person and a row per
 * service.
 */
public record TeamReport(String team, Instant since, Instant until, IncidentFigures incidents, DoraFigures dora,
		Map<String, Integer> changes, int emergencyOverrides, OnCall oncall, List<ServiceFigures> services) {

	/** Pages for the team's incidents, in total and per paged person. */
	public record OnCall(int pages, int pagesOutsideHours, List<Person> perPerson) {
	}

	/** One paged person's load. */
	public record Person(String user, int pages, int pagesOutsideHours) {
	}

}
