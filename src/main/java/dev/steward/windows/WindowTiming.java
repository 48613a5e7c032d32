package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
		 * The end of the run of overlapping or touching occurrences from {@code start}.
		 */
		private Instant stretchEnd(Instant start, Instant horizon) {
			Instant lastStart = start;
			Instant end = start.plus(this.duration);
			while (!end.isAfter(horizon)) {
				Optional<Instant> latest = latestStartAtOrBefore(end);
				if (latest.isEmpty() || !latest.get().isAfter(lastStart)) {
					break;
				}
				lastStart = latest.get();
				end = lastStart.plus(this.duration);
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
				List<LocalTime> times = this.cron.timesOfDay();
				for (int i = times.size() - 1; i >= 0; i--) {
					Instant start = localStart(date, times.get(i));
					if (!start.isAfter(at)) {
						return Optional.of(start);
					}
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
			for (; !date.isAfter(last); date = date.plusDays(1)) {
				if (!this.cron.matches(date)) {
					continue;
				}
				for (LocalTime time : this.cron.timesOfDay()) {
					Instant start = localStart(date, time);
					if (start.isAfter(at)) {
						return start.isAfter(horizon) ? Optional.empty() : Optional.of(start);
					}
				}
			}
			return Optional.empty();
		}

		private Instant localStart(LocalDate date, LocalTime time) {
			return ZonedDateTime.of(date, time, this.zone).toInstant();
		}

	}

}
