package dev.steward.reporting;

import java.time.Instant;
import java.util.List;

import dev.steward.catalog.Criticality;

/**
 * The health of every service a service depends on over a period, and the agreements
 * between the two.
 */
public record ConsumerReport(String service, Instant since, Instant until, List<Provider> providers) {

	/**
	 * One provider: its incidents, whether all its SLOs are met now, the lowest SLI of
	 * its availability SLOs, its SLOs, and the active agreements between it and the
	 * consumer.
	 */
	public record Provider(String service, String owner, Criticality criticality, IncidentFigures incidents,
			Boolean slosMet, Double availability, List<ServiceReport.Slo> slos,
			List<ServiceReport.Agreement> slaAgreements) {
	}

}
