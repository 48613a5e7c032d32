package dev.steward.oncall;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes shifts as an iCalendar (RFC 5545) feed. Each event's UID is derived from the
 * schedule, the user and the shift's start, so a calendar that polls the feed updates an
 * event whose end moved instead of adding a second one.
 */
public final class CalendarFeed {

	/** The media type of the feeds. */
	public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final int MAX_LINE_OCTETS = 75;

	private CalendarFeed() {
	}

	/** A feed named {@code name} with one event per shift, stamped {@code now}. */
	public static String of(String name, List<UserShift> shifts, boolean perUser, Instant now) {
		StringBuilder feed = new StringBuilder();
		line(feed, "BEGIN:VCALENDAR");
		line(feed, "VERSION:2.0");
		line(feed, "PRODID:-//Steward//On-call//EN");
		line(feed, "CALSCALE:GREGORIAN");
		line(feed, "METHOD:PUBLISH");
		line(feed, "X-WR-CALNAME:" + text(name));
		for (UserShift shift : shifts) {
			line(feed, "BEGIN:VEVENT");
			line(feed, "UID:" + uid(shift));
			line(feed, "DTSTAMP:" + UTC.format(now));
			line(feed, "DTSTART:" + UTC.format(shift.start()));
			line(feed, "DTEND:" + UTC.format(shift.end()));
			line(feed, "SUMMARY:" + text(perUser ? "On call: " + shift.schedule() : shift.user() + " on call"));
			line(feed, "DESCRIPTION:"
					+ text(shift.user() + " is on call in schedule " + shift.schedule() + " of team " + shift.team()));
			line(feed, "TRANSP:TRANSPARENT");
			line(feed, "END:VEVENT");
		}
		line(feed, "END:VCALENDAR");
		return feed.toString();
	}

	static String uid(UserShift shift) {
		return shift.schedule() + "-" + shift.user() + "-" + shift.start().getEpochSecond() + "@steward";
	}

	/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
	private static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n");
	}

	/** Appends a content line, folded after 75 octets without splitting a character. */
	private static void line(StringBuilder feed, String content) {
		int octets = 0;
		int limit = MAX_LINE_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				feed.append("\r\n ");
				octets = 0;
				limit = MAX_LINE_OCTETS - 1;
			}
			feed.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		feed.append("\r\n");
	}

}
