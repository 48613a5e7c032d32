package dev.steward.notifications;

import java.time.Instant;

/**
 * An attempt to deliver failed; {@code finalFailure} tells that no further attempt will
 * be made. Published in the transaction that records it.
 */
public record NotificationFailed(long incidentNumber, String user, String contactMethod, String channel, int attempt,
		String reason, boolean finalFailure, Instant at) {
}
