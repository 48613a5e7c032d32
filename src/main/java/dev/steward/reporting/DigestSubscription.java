package dev.steward.reporting;

import java.time.Instant;

/**
 * A user's subscription to the weekly digest of one team ({@code team:<name>}) or of the
 * whole organization ({@code organization}).
 */
public record DigestSubscription(String user, String scope, String team, Instant createdAt) {
}
