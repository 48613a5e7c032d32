package dev.steward.deployments;

import java.time.Instant;

/**
 * One post of a deployment event to a hook: {@code pending}, {@code sent} or
 * {@code failed}.
 */
public record HookDelivery(long id, long deployment, String hook, String event, String status, int attempts,
		String lastError, Instant dueAt, Instant sentAt) {
}
