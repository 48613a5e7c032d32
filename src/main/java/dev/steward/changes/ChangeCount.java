package dev.steward.changes;

/**
 * How many change requests of a service stand in one status, and whether they are
 * emergency changes; one row of a report's bulk query.
 */
public record ChangeCount(String service, ChangeStatus status, boolean emergency, int count) {
}
