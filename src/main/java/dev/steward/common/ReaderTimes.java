package dev.steward.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How web pages show instants to the signed-in reader: to the minute in the reader's own
 * time zone, and how far from the moment the page was made.
 */
public record ReaderTimes(ZoneId zone, Instant now) {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
			Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	/**
	 * The times of a reader in {@code timeZone} (UTC when it is null), at {@code now}.
	 */
	public static ReaderTimes of(String timeZone, Instant now) {
		return new ReaderTimes(timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone), now);
	}

	/** "2026-03-01 09:05"; an empty text for no instant. */
	public String at(Instant instant) {
		return instant == null ? "" : AT.format(instant.atZone(this.zone));
	}

	/** "Mon 2 Mar 09:05"; an empty text for no instant. */
	public String day(Instant instant) {
		return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(this.zone));
	}

	/** "Mon 2 Mar 09:00 – 17:00", or with the end's day when it ends on another day. */
	public String span(Instant start, Instant end) {
		ZonedDateTime from = start.atZone(this.zone);
		ZonedDateTime to = end.atZone(this.zone);
		DateTimeFormatter endFormat = from.toLocalDate().equals(to.toLocalDate()) ? TIME : DAY_AND_TIME;
		return DAY_AND_TIME.format(from) + " – " + endFormat.format(to);
	}

	/** "just now", "in 12 min", "3 h ago", "in 5 d"; an empty text for no instant. */
	public String relative(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration distance = Duration.between(this.now, instant);
		Duration length = distance.abs();
		if (length.toMinutes() < 1) {
			return "just now";
		}
		String amount = length.toHours() < 1 ? length.toMinutes() + " min"
				: length.toHours() < 48 ? length.toHours() + " h" : length.toDays() + " d";
		return distance.isNegative() ? amount + " ago" : "in " + amount;
	}

	/** The zone's name, such as {@code Europe/Berlin} or {@code Z} for UTC. */
	public String zoneName() {
		return this.zone.equals(ZoneOffset.UTC) ? "UTC" : this.zone.getId();
	}

}
