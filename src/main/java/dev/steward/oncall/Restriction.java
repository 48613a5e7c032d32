package dev.steward.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

/**
 * When a layer may have someone on call, in the schedule's time zone: every day from a
 * local time for a duration, or every week from a weekday and local time.
 *
 * @param weekly whether the restriction repeats weekly rather than daily
 * @param startDayOfWeek the weekday a weekly restriction starts on; ignored when daily
 * @param startTimeOfDay the local time it starts at
 * @param duration how long it lasts, counted in local time (09:00 for 8 hours ends at
 * 17:00 on every day of the year)
 */
public record Restriction(boolean weekly, DayOfWeek startDayOfWeek, LocalTime startTimeOfDay, Duration duration) {

	public static Restriction daily(LocalTime start, Duration duration) {
		return new Restriction(false, null, start, duration);
	}

	public static Restriction weekly(DayOfWeek day, LocalTime start, Duration duration) {
		return new Restriction(true, day, start, duration);
	}

	/** The longest a restriction may last: its period. */
	public Duration period() {
		return this.weekly ? Duration.ofDays(7) : Duration.ofDays(1);
	}

}
