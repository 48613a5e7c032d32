package dev.steward.oncall;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time from {@code start} (inclusive) to {@code end} (exclusive). */
public record TimeRange(Instant start, Instant end) {

	public Duration length() {
		return Duration.between(this.start, this.end);
	}

}
