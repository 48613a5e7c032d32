package dev.steward.notifications;

import java.time.Instant;

/**
 * A message to a team or to one user (exactly one of {@code team} and {@code user}) and
 * how its sending went: {@code pending}, {@code sent} (to {@code recipients}) or
 * {@code failed} (with {@code lastError}).
 */
public record OutboxMessage(String key, String team, String user, String subject, String body, String status,
		int attempts, String recipients, String lastError, Instant createdAt, Instant sentAt) {
}
