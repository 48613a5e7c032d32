package dev.steward.oncall.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.steward.oncall.FinalSchedule;
import dev.steward.oncall.ScheduleTimeline;
import dev.steward.oncall.Shift;

/**
 * A schedule's timeline laid out for drawing: every row's blocks and the day ticks placed
 * by percentages of the range, so the page positions them without any script.
 *
 * @param ticks the local midnights inside the range
 * @param layers one row per layer, in the schedule's order
 * @param overrides the overrides as they were entered, later ones drawn on top
 * @param result the final schedule, its gaps included as blocks without a user
 */
record TimelineView(List<Tick> ticks, List<Row> layers, Row overrides, Row result) {

	/** How many colours the page's stylesheet has for telling users apart. */
	static final int COLOURS = 8;

	static TimelineView of(ScheduleTimeline timeline, ZoneId zone) {
		Layout layout = new Layout(timeline.since(), timeline.until(), zone, colours(timeline));
		List<Row> layers = timeline.layers().stream().map(row -> layout.row(row.name(), row.shifts())).toList();
		return new TimelineView(layout.ticks(), layers, layout.row("Overrides", timeline.overrides()),
				layout.result(timeline.result()));
	}

	/** Gives each user of the timeline a colour, by the order of their names. */
	private static Map<String, Integer> colours(ScheduleTimeline timeline) {
		List<String> users = Stream
			.of(timeline.layers().stream().flatMap(row -> row.shifts().stream()), timeline.overrides().stream(),
					timeline.result().entries().stream())
			.flatMap(shifts -> shifts)
			.map(Shift::user)
			.distinct()
			.sorted()
			.toList();
		return IntStream.range(0, users.size()).boxed().collect(Collectors.toMap(users::get, i -> i % COLOURS));
	}

	/** One row of the timeline: its label and its blocks in time order. */
	record Row(String name, List<Block> blocks) {
	}

	/**
	 * A stretch of the row: a user on call, or nobody ({@code user} is {@code null}) for
	 * a gap. {@code left} and {@code width} are CSS percentages of the range;
	 * {@code when} tells the whole stretch in the schedule's zone, even where the range
	 * cuts it, and {@code title} (the tooltip) who and when, naming the zone.
	 */
	record Block(String user, Instant start, Instant end, String left, String width, String when, String title,
			int colour) {

		public boolean gap() {
			return this.user == null;
		}

	}

	/** A day boundary at {@code left} percent of the range. */
	record Tick(String left, String label) {
	}

	/** Places instants of one range as percentages of its length. */
	private record Layout(Instant since, Instant until, ZoneId zone, Map<String, Integer> colours) {

		Row row(String name, List<Shift> shifts) {
			return new Row(name, shifts.stream().flatMap(this::block).toList());
		}

		/** The final schedule's row: its entries and its gaps, in time order. */
		Row result(FinalSchedule result) {
			Stream<Block> gaps = result.gaps().stream().flatMap(gap -> block(null, gap.start(), gap.end()).stream());
			return new Row("Final",
					Stream.concat(result.entries().stream().flatMap(this::block), gaps)
						.sorted(Comparator.comparing(Block::start))
						.toList());
		}

		private Stream<Block> block(Shift shift) {
			return block(shift.user(), shift.start(), shift.end()).stream();
		}

		private Optional<Block> block(String user, Instant start, Instant end) {
			Instant from = start.isBefore(this.since) ? this.since : start;
			Instant to = end.isAfter(this.until) ? this.until : end;
			if (!from.isBefore(to)) {
				return Optional.empty();
			}
			String who = user == null ? "No one on call" : user;
			return Optional.of(new Block(user, from, to, percent(this.since, from), percent(from, to),
					TimeText.span(start, end, this.zone), who + ": " + TimeText.spanInZone(start, end, this.zone),
					user == null ? 0 : this.colours.getOrDefault(user, 0)));
		}

		List<Tick> ticks() {
			List<Tick> ticks = new ArrayList<>();
			ZonedDateTime midnight = this.since.atZone(this.zone).toLocalDate().plusDays(1).atStartOfDay(this.zone);
			while (midnight.toInstant().isBefore(this.until)) {
				ticks.add(new Tick(percent(this.since, midnight.toInstant()), TimeText.day(midnight)));
				midnight = midnight.toLocalDate().plusDays(1).atStartOfDay(this.zone);
			}
			return ticks;
		}

		/** The length from {@code a} to {@code b} as a CSS percentage of the range. */
		private String percent(Instant a, Instant b) {
			double share = (double) Duration.between(a, b).toMillis()
					/ Duration.between(this.since, this.until).toMillis();
			return String.format(Locale.ROOT, "%.4f%%", share * 100);
		}

	}

}
