package dev.steward.incidents.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the incident pages show instants: to the second in the reader's time zone, and how
 * long ago from the moment the page was made.
 */
record IncidentTimes(ZoneId zone, Instant now) {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	/** "2026-03-01 09:05:12" in the reader's zone; an empty text for no instant. */
	public String at(Instant instant) {
		return instant == null ? "" : AT.format(instant.atZone(this.zone));
	}

	/** "just now", "12 min ago", "3 h ago", "5 d ago". */
	public String ago(Instant instant) {
		Duration age = Duration.between(instant, this.now);
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return age.toMinutes() + " min ago";
		}
		if (age.toDays() < 1) {
			return age.toHours() + " h ago";
		}
		return age.toDays() + " d ago";
	}

}
