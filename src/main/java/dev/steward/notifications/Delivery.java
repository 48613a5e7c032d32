package dev.steward.notifications;

import java.time.Instant;

/**
 * One planned message to one contact method: its idempotency key
 * ({@code stepKey/ruleIndex/contactMethod}), where it goes (webhook addresses are shown
 * without their secret path), when it is due, and its status: {@code pending},
 * {@code sent}, {@code failed} or {@code cancelled}.
 */
public record Delivery(String key, long incidentNumber, String user, String contactMethod, String channel,
		String address, String status, int attempts, Instant dueAt, Instant sentAt, String lastError,
		Instant createdAt) {
}
