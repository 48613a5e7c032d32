package dev.steward.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes iCalendar (RFC 5545) feeds: folded content lines, escaped text and UTC times.
 * Callers give each event a stable UID so that a polling calendar updates an event
 * instead of adding a second one.
 */
public final class ICalendar {

	/** The media type of the feeds. */
	public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final int MAX_LINE_OCTETS = 75;

	private ICalendar() {
	}

	/** A feed named {@code name} holding {@code events}, stamped {@code now}. */
	public static String feed(String name, String product, List<Event> events, Instant now) {
		StringBuilder feed = new StringBuilder();
		line(feed, "BEGIN:VCALENDAR");
		line(feed, "VERSION:2.0");
		line(feed, "PRODID:-//Steward//" + product + "//EN");
		line(feed, "CALSCALE:GREGORIAN");
		line(feed, "METHOD:PUBLISH");
		line(feed, "X-WR-CALNAME:" + text(name));
		for (Event event : events) {
			line(feed, "BEGIN:VEVENT");
			line(feed, "UID:" + event.uid());
			line(feed, "DTSTAMP:" + UTC.format(now));
			line(feed, "DTSTART:" + UTC.format(event.start()));
			line(feed, "DTEND:" + UTC.format(event.end()));
			line(feed, "SUMMARY:" + text(event.summary()));
			line(feed, "DESCRIPTION:" + text(event.description()));
			line(feed, "TRANSP:" + (event.busy() ? "OPAQUE" : "TRANSPARENT"));
			line(feed, "END:VEVENT");
		}
		line(feed, "END:VCALENDAR");
		return feed.toString();
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

	/**
	 * One event of a feed; {@code busy} marks time as taken in the subscriber's calendar.
	 */
	public record Event(String uid, Instant start, Instant end, String summary, String description, boolean busy) {
	}

}
