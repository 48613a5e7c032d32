package dev.steward.reporting.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.steward.reporting.DoraBand;

/**
 * Report figures as the report pages write them: durations in words ("1 h 5 min"), shares
 * as percentages, counts and rates with few decimals, and a dash where a figure could not
 * be measured.
 */
public final class ReportPagesText {

	/** What a page writes for a figure that is {@code null}. */
	public static final String NONE = "—";

	static final ReportPagesText INSTANCE = new ReportPagesText();

	private static final long MINUTE = 60;

	private static final long HOUR = 3_600;

	private static final long DAY = 86_400;

	private ReportPagesText() {
	}

	/**
	 * "45 s", "7 min 30 s", "2 h 5 min", "3 d 4 h": the two largest units, the smaller
	 * left out when zero.
	 */
	public String duration(Long seconds) {
		if (seconds == null) {
			return NONE;
		}
		if (seconds < MINUTE) {
			return seconds + " s";
		}
		if (seconds < HOUR) {
			return units(seconds / MINUTE, "min", seconds % MINUTE, "s");
		}
		if (seconds < DAY) {
			return units(seconds / HOUR, "h", seconds % HOUR / MINUTE, "min");
		}
		return units(seconds / DAY, "d", seconds % DAY / HOUR, "h");
	}

	/** A share (0.667) as a percentage with at most one decimal ("66.7 %"). */
	public String percent(Double share) {
		return share == null ? NONE : number(share * 100, 1) + " %";
	}

	/**
	 * A figure already in percent, such as an SLI or objective (99.95), with at most
	 * three decimals ("99.95 %").
	 */
	public String percentage(Double percent) {
		return percent == null ? NONE : number(percent, 3) + " %";
	}

	/** A number with at most {@code decimals} decimals, trailing zeros left out. */
	public String number(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** A band's name, or a dash for a figure without one. */
	public String band(DoraBand band) {
		return band == null ? NONE : band.key();
	}

	/** A yes/no figure, or a dash when it is not known. */
	public String yesNo(Boolean value) {
		return value == null ? NONE : value ? "yes" : "no";
	}

	private static String units(long large, String largeUnit, long small, String smallUnit) {
		return large + " " + largeUnit + (small == 0 ? "" : " " + small + " " + smallUnit);
	}

}
