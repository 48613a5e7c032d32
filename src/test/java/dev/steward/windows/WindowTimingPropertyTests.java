package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recurring window's stretches agree with a plain enumeration of every start it has
 * near the instant asked about, in zones with daylight saving (including Lord Howe's
 * half-hour change) and at instants often close to a change.
 */
class WindowTimingPropertyTests {

	private static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney",
			"Australia/Lord_Howe", "Asia/Kolkata");

	private static final List<Instant> CHANGES = List.of(Instant.parse("2026-03-08T07:00:00Z"),
			Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
			Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-04-04T16:00:00Z"),
			Instant.parse("2026-10-03T16:00:00Z"), Instant.parse("2026-04-04T15:00:00Z"),
			Instant.parse("2026-10-03T15:30:00Z"));

	private static final Duration HORIZON = Duration.ofDays(20);

	@Property(tries = 300)
	void theStretchCoveringOrFollowingAnInstantIsTheOneAPlainEnumerationFinds(
			@ForAll("windows") WindowTiming.Recurring window, @ForAll("instants") Instant at) {
		Instant horizon = at.plus(HORIZON);
		Optional<Interval> found = window.coveringOrNext(at, horizon);
		Optional<Interval> expected = reference(window, at, horizon);
		assertThat(found.isPresent()).as("found %s, expected %s", found, expected).isEqualTo(expected.isPresent());
		if (expected.isEmpty()) {
			return;
		}
		Interval stretch = found.get();
		Interval wanted = expected.get();
		assertThat(stretch.contains(at)).as("active at %s: %s vs %s", at, stretch, wanted)
			.isEqualTo(wanted.contains(at));
		if (!wanted.contains(at)) {
			assertThat(stretch.start()).isEqualTo(wanted.start());
		}
		if (wanted.end().isAfter(horizon)) {
			assertThat(stretch.end()).isAfter(horizon);
		}
		else {
			assertThat(stretch.end()).as("end of %s vs %s", stretch, wanted).isEqualTo(wanted.end());
		}
	}

	/**
	 * Every start from 30 days before {@code at} to a day past {@code horizon}, merged
	 * where occurrences overlap or touch.
	 */
	private static Optional<Interval> reference(WindowTiming.Recurring window, Instant at, Instant horizon) {
		TreeSet<Instant> starts = new TreeSet<>();
		LocalDate last = horizon.atZone(window.zone()).toLocalDate().plusDays(2);
		for (LocalDate date = at.atZone(window.zone()).toLocalDate().minusDays(30); !date.isAfter(last); date = date
			.plusDays(1)) {
			if (window.cron().matches(date)) {
				for (LocalTime time : window.cron().timesOfDay()) {
					starts.add(ZonedDateTime.of(date, time, window.zone()).toInstant());
				}
			}
		}
		Instant start = null;
		Instant end = null;
		for (Instant next : starts) {
			if (end != null && !next.isAfter(end)) {
				end = later(end, next.plus(window.duration()));
				continue;
			}
			if (end != null && end.isAfter(at)) {
				break;
			}
			if (next.isAfter(horizon)) {
				return Optional.empty();
			}
			start = next;
			end = next.plus(window.duration());
		}
		return end != null && end.isAfter(at) ? Optional.of(new Interval(start, end)) : Optional.empty();
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	@Provide
	Arbitrary<WindowTiming.Recurring> windows() {
		Arbitrary<String> minute = Arbitraries.of("0", "30", "15,45", "*/20", "0,59", "10,50", "*/7");
		Arbitrary<String> hour = Arbitraries.oneOf(Arbitraries.integers().between(0, 23).map(String::valueOf),
				Arbitraries.of("1,2,3", "2-4", "2", "1,2", "9-17", "*/6", "22,23", "0,12", "*"));
		Arbitrary<String> day = Arbitraries.of("* * *", "* * *", "* * MON-FRI", "* * SAT,SUN", "1,15 * *", "* * 0",
				"13 * FRI", "*/2 * MON");
		Arbitrary<String> cron = Combinators.combine(minute, hour, day).as((m, h, d) -> m + " " + h + " " + d);
		Arbitrary<Duration> duration = Arbitraries.oneOf(
				Arbitraries.longs().between(1, 8).map(quarters -> Duration.ofMinutes(15 * quarters)),
				Arbitraries.longs().between(1, 48 * 60).map(Duration::ofMinutes),
				Arbitraries.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(25)));
		return Combinators.combine(cron, Arbitraries.of(ZONES), duration)
			.as((expression, zone, length) -> new WindowTiming.Recurring(CronSchedule.parse(expression),
					ZoneId.of(zone), length));
	}

	@Provide
	Arbitrary<Instant> instants() {
		Instant earliest = Instant.parse("2026-01-01T00:00:00Z");
		Arbitrary<Instant> anywhere = Arbitraries.longs()
			.between(0, Duration.ofDays(730).toMinutes())
			.map(minutes -> earliest.plus(Duration.ofMinutes(minutes)));
		Arbitrary<Instant> nearChange = Combinators
			.combine(Arbitraries.of(CHANGES), Arbitraries.longs().between(-48 * 60, 48 * 60))
			.as((change, minutes) -> change.plus(Duration.ofMinutes(minutes)));
		return Arbitraries.frequencyOf(Tuple.of(1, anywhere), Tuple.of(2, nearChange));
	}

}
