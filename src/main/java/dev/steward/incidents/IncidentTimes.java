package dev.steward.incidents;

import java.time.Instant;

/**
 * When an incident of a service was triggered, first acknowledged and resolved, and by
 * when its response SLA wanted each; the raw figures of reports.
 */
public record IncidentTimes(long number, String service, Urgency urgency, Instant createdAt,
		Instant firstAcknowledgedAt, Instant resolvedAt, Instant ackBy, Instant resolveBy) {

	/**
	 * Whether the incident missed its acknowledge SLA (a resolution without an
	 * acknowledgement counts as one) or its resolve SLA, as it stands at {@code now}.
	 */
	public boolean responseSlaBreached(Instant now) {
		Instant acknowledged = this.firstAcknowledgedAt != null ? this.firstAcknowledgedAt : this.resolvedAt;
		Instant resolved = this.resolvedAt;
		return (acknowledged != null ? acknowledged : now).isAfter(this.ackBy)
				|| (resolved != null ? resolved : now).isAfter(this.resolveBy);
	}

}
