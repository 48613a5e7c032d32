package dev.steward.oncall;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long one turn of a rotation lasts: an exact duration (turns in hours or minutes) or
 * a number of whole calendar days (days and weeks), which hand off at the same local time
 * every time, so a turn across a daylight-saving change lasts 23 or 25 hours.
 *
 * @param exact the exact length, or {@code null} for calendar days
 * @param days the number of calendar days, or {@code 0} for an exact length
 */
public record TurnLength(Duration exact, int days) {

	private static final Pattern CALENDAR = Pattern.compile("^P(\\d+)([DW])$");

	/** Parses {@code PT12H}, {@code PT90M}, {@code P1D}, {@code P7D} or {@code P2W}. */
	public static Optional<TurnLength> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		var calendar = CALENDAR.matcher(text);
		if (calendar.matches()) {
			try {
				int count = Integer.parseInt(calendar.group(1));
				int days = calendar.group(2).equals("W") ? Math.multiplyExact(count, 7) : count;
				return days > 0 && days <= 366 ? Optional.of(new TurnLength(null, days)) : Optional.empty();
			}
			catch (ArithmeticException | NumberFormatException ex) {
				return Optional.empty();
			}
		}
		if (!text.startsWith("PT")) {
			return Optional.empty();
		}
		try {
			Duration duration = Duration.parse(text);
			boolean wholeMinutes = duration.toSecondsPart() == 0 && duration.toNanosPart() == 0;
			return duration.isPositive() && wholeMinutes && duration.compareTo(Duration.ofDays(366)) <= 0
					? Optional.of(new TurnLength(duration, 0)) : Optional.empty();
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	public boolean isExact() {
		return this.exact != null;
	}

	@Override
	public String toString() {
		return isExact() ? this.exact.toString() : Period.ofDays(this.days).toString();
	}

}
