package dev.steward.common;

/**
 * The result of a {@code PUT} that creates or replaces: the resource and whether it is
 * new.
 */
public record Upsert<T>(T value, boolean created) {
}
