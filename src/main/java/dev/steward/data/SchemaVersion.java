package dev.steward.data;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One version of a named schema of a datastore (a table set, a topic's record, a bucket's
 * layout), when it was applied and who recorded it; {@code document} is left out of
 * lists.
 */
public record SchemaVersion(String datastore, String name, String version,
		@JsonInclude(JsonInclude.Include.NON_NULL) String document, Instant appliedAt, Instant recordedAt,
		String recordedBy) {
}
