package dev.steward.notifications;

import java.time.Instant;

/**
 * A message to a team and how its sending went: {@code pending}, {@code sent} (to
 * {@code recipients}) or {@code failed} (with {@code lastError}).
 */
public record TeamMessage(String key, String team, String subject, String body, String status, int attempts,
		String recipients, String lastError, Instant createdAt, Instant sentAt) {
}
