package dev.steward.data;

/** How a datastore is used: reads and writes per second at peak, and in words. */
public record AccessPatterns(Double readsPerSecond, Double writesPerSecond, String description) {
}
