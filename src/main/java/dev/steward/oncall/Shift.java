package dev.steward.oncall;

import java.time.Instant;

/** A user on call from {@code start} (inclusive) to {@code end} (exclusive). */
public record Shift(String user, Instant start, Instant end) {
}
