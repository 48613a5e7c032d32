package dev.steward.windows;

import java.time.Instant;
import java.util.List;

/**
 * The gate's answer for one service and environment at one instant: open or closed, the
 * windows that decided it, and {@code nextChange}, the next instant the answer flips
 * (null when it does not flip within a year).
 */
public record GateDecision(String service, String environment, Instant at, boolean open, List<GateReason> reasons,
		Instant nextChange, String summary) {
}
