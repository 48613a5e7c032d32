package dev.steward.incidents;

import java.time.Instant;

/** A new integration key with its secret {@code key}, which is shown this once only. */
public record CreatedIntegrationKey(String id, String service, String name, String key, Instant createdAt) {
}
