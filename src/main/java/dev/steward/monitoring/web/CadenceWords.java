package dev.steward.monitoring.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A review cadence as pages say it: {@code P30D} is "30 days", {@code PT12H} "12 hours".
 */
public final class CadenceWords {

	static final CadenceWords INSTANCE = new CadenceWords();

	private CadenceWords() {
	}

	public String words(String cadence) {
		try {
			Duration duration = Duration.parse(cadence);
			if (duration.toSeconds() % 86_400 == 0) {
				return plural(duration.toDays(), "day");
			}
			if (duration.toSeconds() % 3_600 == 0) {
				return plural(duration.toHours(), "hour");
			}
			return cadence;
		}
		catch (DateTimeParseException ex) {
			return cadence;
		}
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

}
