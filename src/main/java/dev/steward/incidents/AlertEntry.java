package dev.steward.incidents;

import java.time.Instant;

/**
 * One event filed on an incident: what it asked ({@code trigger}, {@code acknowledge},
 * {@code resolve}), when, through which door, and what it said.
 */
public record AlertEntry(long id, String action, Instant receivedAt, String door, String summary, String severity,
		String source) {
}
