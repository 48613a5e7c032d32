package dev.steward.windows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) read
 * as Vixie cron reads it: lists, ranges, steps, month and weekday names, {@code 7} for
 * Sunday, the macros {@code @yearly @monthly @weekly @daily @hourly}, and a day that
 * matches when either day field matches if both are restricted.
 */
public final class CronSchedule {

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
			"@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly",
			"0 * * * *");

	private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
			"OCT", "NOV", "DEC");

	private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

	private final String text;

	private final BitSet daysOfMonth;

	private final BitSet months;

	private final BitSet daysOfWeek;

	private final boolean dayOfMonthRestricted;

	private final boolean dayOfWeekRestricted;

	private final List<LocalTime> timesOfDay;

	private CronSchedule(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
			BitSet daysOfWeek, boolean dayOfMonthRestricted, boolean dayOfWeekRestricted) {
		this.text = text;
		this.daysOfMonth = daysOfMonth;
		this.months = months;
		this.daysOfWeek = daysOfWeek;
		this.dayOfMonthRestricted = dayOfMonthRestricted;
		this.dayOfWeekRestricted = dayOfWeekRestricted;
		List<LocalTime> times = new ArrayList<>();
		hours.stream().forEach(hour -> minutes.stream().forEach(minute -> times.add(LocalTime.of(hour, minute))));
		this.timesOfDay = List.copyOf(times);
	}

	/**
	 * Parses an expression; throws {@link IllegalArgumentException} naming the field and
	 * value at fault.
	 */
	public static CronSchedule parse(String expression) {
		if (expression == null || expression.isBlank()) {
			throw new IllegalArgumentException("is empty");
		}
		String text = expression.trim();
		String fields = MACROS.getOrDefault(text.toLowerCase(Locale.ROOT), text);
		if (fields.startsWith("@")) {
			throw new IllegalArgumentException("'" + text + "' is not a known macro (use @yearly, @monthly, @weekly, "
					+ "@daily or @hourly, or five fields)");
		}
		String[] parts = fields.split("\\s+");
		if (parts.length != 5) {
			throw new IllegalArgumentException(
					"needs five fields (minute hour day-of-month month day-of-week), found " + parts.length);
		}
		BitSet daysOfWeek = new Field("day of week", 0, 7, WEEKDAYS).parse(parts[4]);
		if (daysOfWeek.get(7)) {
			daysOfWeek.set(0);
			daysOfWeek.clear(7);
		}
		return new CronSchedule(text, new Field("minute", 0, 59, List.of()).parse(parts[0]),
				new Field("hour", 0, 23, List.of()).parse(parts[1]),
				new Field("day of month", 1, 31, List.of()).parse(parts[2]),
				new Field("month", 1, 12, MONTHS).parse(parts[3]), daysOfWeek, !parts[2].startsWith("*"),
				!parts[4].startsWith("*"));
	}

	/** Whether the expression fires on this date at all. */
	public boolean matches(LocalDate date) {
		if (!this.months.get(date.getMonthValue())) {
			return false;
		}
		boolean dayOfMonth = this.daysOfMonth.get(date.getDayOfMonth());
		boolean dayOfWeek = this.daysOfWeek
			.get(date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue());
		if (this.dayOfMonthRestricted && this.dayOfWeekRestricted) {
			return dayOfMonth || dayOfWeek;
		}
		return dayOfMonth && dayOfWeek;
	}

	/** The local times of day at which it fires on a matching date, earliest first. */
	public List<LocalTime> timesOfDay() {
		return this.timesOfDay;
	}

	@Override
	public String toString() {
		return this.text;
	}

	/** One field's range of values and, for months and weekdays, their names. */
	private record Field(String label, int min, int max, List<String> names) {

		BitSet parse(String text) {
			BitSet values = new BitSet(this.max + 1);
			for (String item : text.split(",", -1)) {
				parseItem(item, values);
			}
			return values;
		}

		private void parseItem(String item, BitSet values) {
			String range = item;
			int step = 1;
			int slash = item.indexOf('/');
			if (slash >= 0) {
				range = item.substring(0, slash);
				step = number(item.substring(slash + 1), "step");
				if (step < 1) {
					throw invalid("step " + step + " must be at least 1");
				}
			}
			int from;
			int to;
			if (range.equals("*")) {
				from = this.min;
				to = this.max;
			}
			else if (range.contains("-")) {
				String[] ends = range.split("-", -1);
				if (ends.length != 2) {
					throw invalid("'" + range + "' is not a range such as 1-5");
				}
				from = value(ends[0]);
				to = value(ends[1]);
				if (from > to) {
					throw invalid("range " + range + " runs backwards");
				}
			}
			else {
				from = value(range);
				to = slash >= 0 ? this.max : from;
			}
			for (int value = from; value <= to; value += step) {
				values.set(value);
			}
		}

		private int value(String text) {
			int index = this.names.indexOf(text.toUpperCase(Locale.ROOT));
			if (index >= 0) {
				return index + (this.min == 1 ? 1 : 0);
			}
			int value = number(text, "value");
			if (value < this.min || value > this.max) {
				throw invalid(value + " is outside " + this.min + "-" + this.max);
			}
			return value;
		}

		private int number(String text, String what) {
			if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
				throw invalid(what + " '" + text + "' is not a number"
						+ (this.names.isEmpty() ? "" : " or a name such as " + this.names.get(1)));
			}
			return Integer.parseInt(text);
		}

		private IllegalArgumentException invalid(String message) {
			return new IllegalArgumentException(this.label + ": " + message);
		}

	}

}
