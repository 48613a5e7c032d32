package dev.steward.notifications;

import java.time.Instant;

/**
 * A delivery reached its contact method ({@code attempt} counts from 1); published in the
 * transaction that records it.
 */
public record NotificationSent(long incidentNumber, String user, String contactMethod, String channel, int attempt,
		Instant at) {
}
