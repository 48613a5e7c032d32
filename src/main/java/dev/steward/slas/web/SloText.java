package dev.steward.slas.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;

/** How SLO pages write percentages, counts and durations. */
final class SloText {

	private SloText() {
	}

	/** "99.9 %", with up to {@code decimals} decimals and no trailing zeros. */
	static String percent(double value, int decimals) {
		return number(value, decimals) + " %";
	}

	/** "1,000.4", with up to {@code decimals} decimals and no trailing zeros. */
	static String number(double value, int decimals) {
		DecimalFormat format = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "#".repeat(decimals) : ""),
				DecimalFormatSymbols.getInstance(Locale.ROOT));
		String text = format.format(value);
		return "-0".equals(text) ? "0" : text;
	}

	/**
	 * "30 days", "36 hours", "5 min", "1 h": long names for SLO windows, short for burn
	 * windows.
	 */
	static String duration(Duration duration, boolean brief) {
		long minutes = duration.toMinutes();
		if (minutes % 1440 == 0) {
			long days = minutes / 1440;
			return brief ? days + " d" : days + (days == 1 ? " day" : " days");
		}
		if (minutes % 60 == 0) {
			long hours = minutes / 60;
			return brief ? hours + " h" : hours + (hours == 1 ? " hour" : " hours");
		}
		return minutes + " min";
	}

	/** "300 ms", "2 s": a latency threshold. */
	static String latency(Duration threshold) {
		return threshold.toMillis() % 1000 != 0 || threshold.toMillis() < 1000
				? number(threshold.toNanos() / 1e6, 3) + " ms" : number(threshold.toMillis() / 1000.0, 0) + " s";
	}

}
