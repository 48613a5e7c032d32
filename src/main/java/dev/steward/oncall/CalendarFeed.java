package dev.steward.oncall;

import java.time.Instant;
import java.util.List;

import dev.steward.common.ICalendar;

/**
 * Writes shifts as an iCalendar (RFC 5545) feed. Each event's UID is derived from the
 * schedule, the user and the shift's start, so a calendar that polls the feed updates an
 * event whose end moved instead of adding a second one.
 */
public final class CalendarFeed {

	/** The media type of the feeds. */
	public static final String MEDIA_TYPE = ICalendar.MEDIA_TYPE;

	private CalendarFeed() {
	}

	/** A feed named {@code name} with one event per shift, stamped {@code now}. */
	public static String of(String name, List<UserShift> shifts, boolean perUser, Instant now) {
		List<ICalendar.Event> events = shifts.stream()
			.map(shift -> new ICalendar.Event(uid(shift), shift.start(), shift.end(),
					perUser ? "On call: " + shift.schedule() : shift.user() + " on call",
					shift.user() + " is on call in schedule " + shift.schedule() + " of team " + shift.team(), false))
			.toList();
		return ICalendar.feed(name, "On-call", events, now);
	}

	static String uid(UserShift shift) {
		return shift.schedule() + "-" + shift.user() + "-" + shift.start().getEpochSecond() + "@steward";
	}

}
