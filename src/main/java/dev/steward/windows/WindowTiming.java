package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * When a window is active: once ({@code [start, end)}) or at every time a cron expression
 * names in a time zone, for a fixed duration of elapsed time.
 */
public sealed interface WindowTiming {

	/**
	 * The stretch of activity that contains {@code at}, or else the next one that starts
	 * after it but not after {@code horizon}. Occurrences that overlap or touch are one
	 * stretch, so its end is when the window really stops being active.
	 */
	Optional<Interval> coveringOrNext(Instant at, Instant horizon);

	/** The stretches of activity that overlap {@code [from, until)}, in order. */
	default List<Interval> between(Instant from, Instant until) {
		List<Interval> intervals = new ArrayList<>();
		Instant cursor = from;
		while (cursor.isBefore(until)) {
			Optional<Interval> next = coveringOrNext(cursor, until);
			if (next.isEmpty() || !next.get().start().isBefore(until)) {
				break;
			}
			intervals.add(next.get());
			cursor = next.get().end();
		}
		return intervals;
	}

	/**
	 * A window active once, from {@code start} (inclusive) to {@code end} (exclusive).
	 */
	record Once(Instant start, Instant end) implements WindowTiming {

		@Override
		public Optional<Interval> coveringOrNext(Instant at, Instant horizon) {
			if (!at.isBefore(this.end) || this.start.isAfter(horizon)) {
				return Optional.empty();
			}
			return Optional.of(new Interval(this.start, this.end));
		}

	}

	/**
	 * A window that opens at each time {@code cron} names, read as local time in
	 * {@code zone} on the date in question, and stays active for {@code duration}. A
	 * local start time that a daylight-saving change skips opens the window later by the
	 * length of the gap (02:30 becomes 03:30 when clocks jump from 02:00 to 03:00); one
	 * that occurs twice opens it once, at the first of the two.
	 */
	record Recurring(CronSchedule cron, ZoneId zone, Duration duration) implements WindowTiming {

		@Override
		public Optional<Interval> coveringOrNext(Instant at, Instant horizon) {
			Optional<Instant> latest = latestStartAtOrBefore(at);
			Instant start;
			if (latest.isPresent() && latest.get().plus(this.duration).isAfter(at)) {
				start = latest.get();
			}
			else {
				Optional<Instant> next = earliestStartAfter(at, horizon);
				if (next.isEmpty()) {
					return Optional.empty();
				}
				start = next.get();
			}
			return Optional.of(new Interval(start, stretchEnd(start, horizon)));
		}

		/**
		 * The end of the run of overlapping or touching occurrences from {@code start},
		 * found by walking the later starts in time order while they fall inside the run.
		 */
		private Instant stretchEnd(Instant start, Instant horizon) {
			Instant end = start.plus(this.duration);
			List<LocalTime> times = this.cron.timesOfDay();
			for (LocalDate date = start.atZone(this.zone).toLocalDate().minusDays(1); !end.isAfter(horizon)
					&& !localStart(date, LocalTime.MIDNIGHT).isAfter(end); date = date.plusDays(1)) {
				if (!this.cron.matches(date)) {
					continue;
				}
				int notAfterStart = startsNotAfter(date, start);
				List<Instant> starts = notAfterStart < 0 ? startsOn(date) : List.of();
				int first = Math.max(notAfterStart, 0);
				int count = notAfterStart < 0 ? starts.size() : times.size();
				for (int i = first; i < count; i++) {
					Instant next = notAfterStart < 0 ? starts.get(i) : localStart(date, times.get(i));
					if (next.isAfter(end)) {
						break;
					}
					if (next.isAfter(start) && next.plus(this.duration).isAfter(end)) {
						end = next.plus(this.duration);
					}
				}
			}
			return end;
		}

		/**
		 * The latest occurrence that starts at or before {@code at}, if recent enough to
		 * matter.
		 */
		Optional<Instant> latestStartAtOrBefore(Instant at) {
			LocalDate date = at.atZone(this.zone).toLocalDate();
			LocalDate earliest = at.minus(this.duration).atZone(this.zone).toLocalDate().minusDays(1);
			for (; !date.isBefore(earliest); date = date.minusDays(1)) {
				if (!this.cron.matches(date)) {
					continue;
				}
				int notAfter = startsNotAfter(date, at);
				Optional<Instant> latest = notAfter < 0
						? startsOn(date).stream().filter(start -> !start.isAfter(at)).reduce((one, other) -> other)
						: notAfter == 0 ? Optional.empty()
								: Optional.of(localStart(date, this.cron.timesOfDay().get(notAfter - 1)));
				if (latest.isPresent()) {
					return latest;
				}
			}
			return Optional.empty();
		}

		/**
		 * The first occurrence that starts after {@code at} and not after
		 * {@code horizon}.
		 */
		Optional<Instant> earliestStartAfter(Instant at, Instant horizon) {
			LocalDate date = at.atZone(this.zone).toLocalDate().minusDays(1);
			LocalDate last = horizon.atZone(this.zone).toLocalDate().plusDays(1);
			List<LocalTime> times = this.cron.timesOfDay();
			for (; !date.isAfter(last); date = date.plusDays(1)) {
				if (!this.cron.matches(date)) {
					continue;
				}
				int notAfter = startsNotAfter(date, at);
				Optional<Instant> earliest = notAfter < 0
						? startsOn(date).stream().filter(start -> start.isAfter(at)).findFirst()
						: notAfter == times.size() ? Optional.empty()
								: Optional.of(localStart(date, times.get(notAfter)));
				if (earliest.isPresent()) {
					return earliest.filter(start -> !start.isAfter(horizon));
				}
			}
			return Optional.empty();
		}

		/**
		 * How many of the times of day start on {@code date} at or before {@code at}, by
		 * bisection; -1 on a day near a change of the zone's offset, where the starts
		 * need not follow the order of the times.
		 */
		private int startsNotAfter(LocalDate date, Instant at) {
			ZoneRules rules = this.zone.getRules();
			Instant from = date.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			ZoneOffsetTransition change = rules.nextTransition(from);
			if (change != null && change.getInstant().isBefore(from.plus(Duration.ofDays(3)))) {
				return -1;
			}
			LocalDateTime local = LocalDateTime.ofInstant(at, rules.getOffset(from));
			if (local.toLocalDate().isBefore(date)) {
				return 0;
			}
			List<LocalTime> times = this.cron.timesOfDay();
			if (local.toLocalDate().isAfter(date)) {
				return times.size();
			}
			int index = Collections.binarySearch(times, local.toLocalTime());
			return index >= 0 ? index + 1 : -index - 1;
		}

		/**
		 * Every start on {@code date} in time order, for a day near a change of offset: a
		 * time in a skipped stretch opens later by the gap and may pass later times.
		 */
		private List<Instant> startsOn(LocalDate date) {
			return this.cron.timesOfDay().stream().map(time -> localStart(date, time)).sorted().distinct().toList();
		}

		private Instant localStart(LocalDate date, LocalTime time) {
			return ZonedDateTime.of(date, time, this.zone).toInstant();
		}

	}

}
