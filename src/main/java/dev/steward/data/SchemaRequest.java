package dev.steward.data;

/**
 * A schema version to record: the schema's name, its version (such as {@code 3},
 * {@code 1.2.0} or {@code V19}), the document, and when it was applied (RFC 3339; now
 * when left out).
 */
public record SchemaRequest(String name, String version, String document, String appliedAt) {
}
