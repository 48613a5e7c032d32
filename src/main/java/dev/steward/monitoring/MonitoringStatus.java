package dev.steward.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * Where a service's monitoring stands: its monitors, its last review (or {@code null}),
 * the cadence its tier sets (an ISO 8601 duration such as {@code P30D}) and when the next
 * review is due (a service never reviewed is due a cadence after the service was
 * registered). A retired service needs no review: {@code nextDue} is {@code null}.
 */
public record MonitoringStatus(String service, String owner, int tier, String cadence, List<Monitor> monitors,
		MonitoringReview lastReview, Instant nextDue, boolean overdue, long daysOverdue) {
}
