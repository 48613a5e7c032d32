package dev.steward.windows;

import java.time.Instant;

/** A half-open stretch of time {@code [start, end)} in which a window is active. */
public record Interval(Instant start, Instant end) {

	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

}
