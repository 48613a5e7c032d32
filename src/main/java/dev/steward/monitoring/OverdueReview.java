package dev.steward.monitoring;

import java.time.Instant;

/**
 * A service whose monitoring review is overdue: its owner and tier, the cadence, the last
 * review (both {@code null} when it was never reviewed), when the review fell due and how
 * many whole days ago that was.
 */
public record OverdueReview(String service, String title, String owner, int tier, String cadence,
		Instant lastReviewedAt, String lastReviewedBy, Instant due, long daysOverdue) {
}
