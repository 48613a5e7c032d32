package dev.steward.changes.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.steward.changes.Change;
import dev.steward.windows.WindowKind;
import dev.steward.windows.WindowOccurrence;

/**
 * A calendar of deployment windows and planned changes, laid out for drawing without any
 * script: one row per day, grouped by week, each with a track of the day's 24 hours on
 * which every window occurrence and change is a bar placed by percentages, and the same
 * items listed in words.
 *
 * @param weeks the days by ISO week
 * @param ticks the hours marked on each day's track
 */
record CalendarView(List<Week> weeks, List<Tick> ticks) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	static final String BLACKOUT = "blackout";

	static final String ALLOW = "allow";

	static final String CHANGE = "change";

	static CalendarView of(LocalDate first, int days, ZoneId zone, Instant now, List<WindowOccurrence> occurrences,
			List<Change> changes) {
		List<Week> weeks = new ArrayList<>();
		LocalDate today = now.atZone(zone).toLocalDate();
		for (int i = 0; i < days; i++) {
			LocalDate date = first.plusDays(i);
			Instant start = date.atStartOfDay(zone).toInstant();
			Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
			DayLayout layout = new DayLayout(start, end, zone);
			List<Item> items = new ArrayList<>();
			for (WindowOccurrence occurrence : occurrences) {
				layout.window(occurrence).ifPresent(items::add);
			}
			for (Change change : changes) {
				layout.change(change).ifPresent(items::add);
			}
			items.sort(Comparator.comparing(Item::start).thenComparing(Item::lane).thenComparing(Item::label));
			int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
			if (weeks.isEmpty() || weeks.getLast().number() != week) {
				weeks.add(new Week(week, new ArrayList<>()));
			}
			weeks.getLast()
				.days()
				.add(new Day(date, DAY.format(date), date.equals(today),
						date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY,
						date.equals(today) ? layout.percent(start, now) : null, List.copyOf(items)));
		}
		List<Tick> ticks = List.of(new Tick("0%", "00"), new Tick("25%", "06"), new Tick("50%", "12"),
				new Tick("75%", "18"));
		return new CalendarView(weeks.stream().map(week -> new Week(week.number(), List.copyOf(week.days()))).toList(),
				ticks);
	}

	/** One ISO week's days of the calendar. */
	record Week(int number, List<Day> days) {

		/** "Week 10 · Mon 2 Mar – Sun 8 Mar". */
		public String label() {
			return "Week " + this.number + " · " + this.days.getFirst().label() + " – " + this.days.getLast().label();
		}

	}

	/**
	 * One day: its date, whether it is today (with {@code now} placed on its track) or a
	 * weekend day, and what happens in it.
	 */
	record Day(LocalDate date, String label, boolean today, boolean weekend, String now, List<Item> items) {
	}

	/**
	 * A window occurrence or a change as it falls on one day: {@code kind} is
	 * {@value #BLACKOUT}, {@value #ALLOW} or {@value #CHANGE}; {@code key} the window's
	 * name or the change's id; {@code when} the part of the day it covers;
	 * {@code context} what it concerns; {@code details} all of it in words;
	 * {@code x}/{@code width} its bar on the day's track, drawn in lane {@code lane}
	 * (blackouts, allow windows, changes).
	 */
	record Item(String kind, String key, String label, String status, String when, String context, String details,
			String href, Instant start, String x, String width, int lane) {

		/** The bar's vertical place on the track, in pixels. */
		public int y() {
			return 2 + this.lane * 10;
		}

	}

	/** An hour marked on the tracks. */
	record Tick(String x, String label) {
	}

	/** Places instants of one day as percentages of it (23 or 25 hours long at DST). */
	private record DayLayout(Instant start, Instant end, ZoneId zone) {

		Optional<Item> window(WindowOccurrence occurrence) {
			if (!overlaps(occurrence.start(), occurrence.end())) {
				return Optional.empty();
			}
			boolean blackout = occurrence.kind() == WindowKind.DENY;
			String label = occurrence.title() != null ? occurrence.title() : occurrence.window();
			String details = (blackout ? "Blackout" : "Allow window") + " '" + occurrence.window() + "' of "
					+ occurrence.scope() + " for " + String.join(", ", occurrence.environments()) + ": "
					+ span(occurrence.start(), occurrence.end())
					+ (occurrence.reason() == null ? "" : " — " + occurrence.reason());
			return Optional.of(item(blackout ? BLACKOUT : ALLOW, occurrence.window(), label, null, occurrence.start(),
					occurrence.end(), occurrence.scope() + " · " + String.join(", ", occurrence.environments()),
					details, null, blackout ? 0 : 1));
		}

		Optional<Item> change(Change change) {
			if (!overlaps(change.plannedStart(), change.plannedEnd())) {
				return Optional.empty();
			}
			String label = "#" + change.id() + " " + (change.title() != null ? change.title()
					: change.category().key() + " change of " + change.service());
			String details = "Change #" + change.id() + " of " + change.service() + " in " + change.environment() + " ("
					+ change.risk().key() + " risk, " + change.status().key() + "): "
					+ span(change.plannedStart(), change.plannedEnd());
			return Optional.of(item(CHANGE, Long.toString(change.id()), label, change.status().key(),
					change.plannedStart(), change.plannedEnd(),
					change.service() + " · " + change.environment() + " · " + change.risk().key() + " risk", details,
					"/changes/" + change.id(), 2));
		}

		private boolean overlaps(Instant from, Instant to) {
			return from.isBefore(this.end) && to.isAfter(this.start);
		}

		private Item item(String kind, String key, String label, String status, Instant from, Instant to,
				String context, String details, String href, int lane) {
			Instant left = from.isBefore(this.start) ? this.start : from;
			Instant right = to.isAfter(this.end) ? this.end : to;
			return new Item(kind, key, label, status, when(from, to), context, details, href, left,
					percent(this.start, left), percent(left, right), lane);
		}

		/** "all day", "09:00 – 17:00", "from 18:00", "until 06:00" within this day. */
		private String when(Instant from, Instant to) {
			boolean fromBefore = !from.isAfter(this.start);
			boolean toAfter = !to.isBefore(this.end);
			if (fromBefore && toAfter) {
				return "all day";
			}
			if (fromBefore) {
				return "until " + time(to);
			}
			if (toAfter) {
				return "from " + time(from);
			}
			return time(from) + " – " + time(to);
		}

		private String time(Instant instant) {
			return TIME.format(instant.atZone(this.zone));
		}

		private String span(Instant from, Instant to) {
			LocalTime fromTime = from.atZone(this.zone).toLocalTime();
			LocalDate fromDay = from.atZone(this.zone).toLocalDate();
			LocalDate toDay = to.atZone(this.zone).toLocalDate();
			return DAY.format(fromDay) + " " + TIME.format(fromTime) + " – "
					+ (fromDay.equals(toDay) ? "" : DAY.format(toDay) + " ") + time(to);
		}

		/** The length from {@code a} to {@code b} as a CSS percentage of the day. */
		String percent(Instant a, Instant b) {
			double share = (double) Duration.between(a, b).toMillis()
					/ Duration.between(this.start, this.end).toMillis();
			return String.format(Locale.ROOT, "%.4f%%", share * 100);
		}

	}

}
