package dev.steward.incidents;

import java.time.Instant;

/** A service's integration (routing) key, without its secret. */
public record IntegrationKey(String id, String service, String name, Instant createdAt, String createdBy,
		Instant revokedAt) {
}
