package dev.steward.data;

import java.time.Instant;

/**
 * A service's direct access to a datastore; {@code violation} when the service is not the
 * datastore's owner.
 */
public record DatastoreAccess(String service, String datastore, String owner, AccessMode mode, boolean violation,
		String note, Instant createdAt, Instant updatedAt) {
}
