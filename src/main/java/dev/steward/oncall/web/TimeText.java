package dev.steward.oncall.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.steward.common.Validation;

/**
 * How the on-call pages show times and read them from forms: to the minute, in a zone.
 */
final class TimeText {

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
			Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

	/** The value format of an HTML {@code datetime-local} input. */
	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

	private TimeText() {
	}

	/** "Mon 2 Jun 09:00 – 17:00", or with the end's day when it ends on another day. */
	static String span(Instant start, Instant end, ZoneId zone) {
		ZonedDateTime from = start.atZone(zone);
		ZonedDateTime to = end.atZone(zone);
		DateTimeFormatter endFormat = from.toLocalDate().equals(to.toLocalDate()) ? TIME : DAY_AND_TIME;
		return DAY_AND_TIME.format(from) + " – " + endFormat.format(to);
	}

	/** A span followed by the zone it is shown in. */
	static String spanInZone(Instant start, Instant end, ZoneId zone) {
		return span(start, end, zone) + " (" + zone.getId() + ")";
	}

	/** "Tue 3": the label of a day on the timeline. */
	static String day(ZonedDateTime midnight) {
		return DAY.format(midnight);
	}

	/** An instant as the value of a {@code datetime-local} input in a zone. */
	static String inputValue(Instant at, ZoneId zone) {
		return INPUT.format(at.atZone(zone));
	}

	/**
	 * Reads a {@code datetime-local} value as a local time in a zone; records an error
	 * and answers {@code null} when it is missing or malformed.
	 */
	static Instant parseInput(Validation validation, String field, String value, ZoneId zone) {
		if (!validation.required(field, value)) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			validation.error(field, "must be a date and time such as 2026-03-01T09:00");
			return null;
		}
	}

}
