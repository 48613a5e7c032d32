package dev.steward.oncall;

import java.time.Instant;

/** A user put on call over a schedule's layers for a while; the latest override wins. */
public record ScheduleOverride(long id, String schedule, String user, Instant start, Instant end, Instant createdAt,
		String createdBy) {

	Shift shift() {
		return new Shift(this.user, this.start, this.end);
	}

}
