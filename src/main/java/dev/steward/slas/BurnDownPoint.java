package dev.steward.slas;

import java.time.Instant;

/**
 * One point of an SLO's budget burn-down over its current window: the share of the
 * window's error budget (as of now) left after the bad events from the window's start up
 * to {@code at}; 1 at the start, the SLO's remaining ratio now at the end, below 0 once
 * overspent, {@code null} when the window has no events.
 */
public record BurnDownPoint(Instant at, Double remainingRatio) {
}
