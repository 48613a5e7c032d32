package dev.steward.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * A review of a service's monitoring: who reviewed it, when, what they found and which
 * monitors they went through.
 */
public record MonitoringReview(long id, String service, String reviewer, Instant at, String findings,
		List<String> monitorsReviewed) {
}
