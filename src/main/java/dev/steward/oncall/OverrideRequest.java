package dev.steward.oncall;

import java.time.Instant;

/**
 * Body of creating an override: {@code user} is on call from {@code start} to
 * {@code end}.
 */
public record OverrideRequest(String user, Instant start, Instant end) {
}
