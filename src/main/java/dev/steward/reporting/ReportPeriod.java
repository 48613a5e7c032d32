package dev.steward.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import dev.steward.common.Validation;

/**
 * The stretch of time {@code [since, until)} a report covers: at most 366 days, by
 * default the 30 days that end now.
 */
public record ReportPeriod(Instant since, Instant until) {

	static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

	static final Duration MAX_LENGTH = Duration.ofDays(366);

	private static final double SECONDS_PER_WEEK = Duration.ofDays(7).toSeconds();

	/**
	 * The period the query parameters name (RFC 3339 instants, either may be left out):
	 * {@code until} defaults to now, {@code since} to 30 days before {@code until}.
	 */
	public static ReportPeriod of(String since, String until, Clock clock) {
		Validation validation = new Validation();
		Instant end = until == null ? clock.instant() : validation.time("until", until, true);
		Instant start = validation.time("since", since, false);
		validation.throwIfInvalid();
		if (start == null) {
			start = end.minus(DEFAULT_LENGTH);
		}
		if (!start.isBefore(end)) {
			validation.error("since", "must be before until");
		}
		else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
			validation.error("since", "must be at most 366 days before until");
		}
		validation.throwIfInvalid();
		return new ReportPeriod(start, end);
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(this.since) && instant.isBefore(this.until);
	}

	/** The period's length in weeks, fractions included. */
	public double weeks() {
		return Duration.between(this.since, this.until).toSeconds() / SECONDS_PER_WEEK;
	}

	/** Every ISO week (in UTC) the period touches, in order, such as {@code 2026-W09}. */
	public List<String> isoWeeks() {
		List<String> weeks = new ArrayList<>();
		Instant at = this.since;
		while (at.isBefore(this.until)) {
			String week = isoWeek(at);
			if (weeks.isEmpty() || !weeks.get(weeks.size() - 1).equals(week)) {
				weeks.add(week);
			}
			at = at.plus(Duration.ofDays(1));
		}
		String last = isoWeek(this.until.minusNanos(1));
		if (!weeks.contains(last)) {
			weeks.add(last);
		}
		return weeks;
	}

	/** The ISO week (in UTC) of an instant, such as {@code 2026-W09}. */
	public static String isoWeek(Instant instant) {
		var date = instant.atOffset(ZoneOffset.UTC).toLocalDate();
		int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		return date.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
	}

}
