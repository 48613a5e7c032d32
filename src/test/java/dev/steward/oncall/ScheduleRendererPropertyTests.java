package dev.steward.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties of the final schedule over random schedules: time zones with and without
 * daylight-saving changes, one to five layers with hour, day and week turns, restrictions
 * and overrides, over ranges of up to 60 days that often cross a change.
 */
class ScheduleRendererPropertyTests {

	private static final List<String> ZONES = List.of("Europe/Berlin", "America/Chicago", "Australia/Sydney",
			"Asia/Kolkata", "UTC", "America/St_Johns");

	private static final List<String> USERS = List.of("ana", "ben", "cem", "dan", "eva", "fay");

	private static final Instant EARLIEST = Instant.parse("2026-01-01T00:00:00Z");

	private static final long THREE_YEARS_IN_MINUTES = Duration.ofDays(3 * 365).toMinutes();

	private static final long MINUTES_PER_DAY = Duration.ofDays(1).toMinutes();

	private static final long MAX_RANGE_MINUTES = 60 * MINUTES_PER_DAY;

	@Property(tries = 300)
	void entriesAndGapsTileTheRangeAndCoverageIsTheCoveredShare(@ForAll("schedules") Scenario scenario) {
		FinalSchedule rendered = scenario.render();
		List<TimeRange> pieces = new ArrayList<>();
		rendered.entries().forEach((entry) -> pieces.add(new TimeRange(entry.start(), entry.end())));
		pieces.addAll(rendered.gaps());
		assertSortedAndNonEmpty(rendered.entries().stream().map((e) -> new TimeRange(e.start(), e.end())).toList());
		assertSortedAndNonEmpty(rendered.gaps());
		pieces.sort(Comparator.comparing(TimeRange::start));
		assertThat(pieces).isNotEmpty();
		assertThat(pieces.get(0).start()).as("first piece starts at since").isEqualTo(scenario.since());
		assertThat(pieces.get(pieces.size() - 1).end()).as("last piece ends at until").isEqualTo(scenario.until());
		for (int i = 1; i < pieces.size(); i++) {
			assertThat(pieces.get(i).start()).as("piece %d starts where piece %d ends (no hole, no overlap)", i, i - 1)
				.isEqualTo(pieces.get(i - 1).end());
		}
		for (int i = 1; i < rendered.gaps().size(); i++) {
			assertThat(rendered.gaps().get(i).start()).as("gaps are maximal").isAfter(rendered.gaps().get(i - 1).end());
		}
		long covered = rendered.entries()
			.stream()
			.mapToLong((entry) -> Duration.between(entry.start(), entry.end()).toNanos())
			.sum();
		long total = Duration.between(scenario.since(), scenario.until()).toNanos();
		assertThat(rendered.coverage()).isCloseTo((double) covered / total, within(1e-9));
	}

	@Property(tries = 300)
	void adjacentEntriesOfOneUserAreMerged(@ForAll("schedules") Scenario scenario) {
		List<Shift> entries = scenario.render().entries();
		for (int i = 1; i < entries.size(); i++) {
			Shift before = entries.get(i - 1);
			Shift after = entries.get(i);
			if (before.end().equals(after.start())) {
				assertThat(after.user()).as("user of entries %s and %s, which touch", before, after)
					.isNotEqualTo(before.user());
			}
		}
	}

	@Property(tries = 300)
	void theLatestOverrideCoveringAnInstantAlwaysWins(@ForAll("schedules") Scenario scenario) {
		FinalSchedule rendered = scenario.render();
		for (Shift override : scenario.overrides()) {
			Instant mid = override.start().plus(Duration.between(override.start(), override.end()).dividedBy(2));
			for (Instant at : List.of(override.start(), mid, override.end().minusNanos(1))) {
				if (at.isBefore(scenario.since()) || !at.isBefore(scenario.until())) {
					continue;
				}
				assertThat(userAt(rendered, at)).as("on call at %s, inside override %s", at, override)
					.isEqualTo(latestOverrideAt(scenario.overrides(), at));
			}
		}
	}

	@Property(tries = 300)
	void removingALayerNeverAddsCoverage(@ForAll("schedules") Scenario scenario) {
		FinalSchedule full = scenario.render();
		for (int removed = 0; removed < scenario.layers().size(); removed++) {
			List<Layer> fewer = new ArrayList<>(scenario.layers());
			fewer.remove(removed);
			FinalSchedule reduced = ScheduleRenderer.render(scenario.zone(), fewer, scenario.overrides(),
					scenario.since(), scenario.until());
			assertThat(reduced.coverage()).as("coverage without layer %d", removed)
				.isLessThanOrEqualTo(full.coverage() + 1e-12);
			for (Shift entry : reduced.entries()) {
				for (TimeRange gap : full.gaps()) {
					boolean overlaps = entry.start().isBefore(gap.end()) && gap.start().isBefore(entry.end());
					assertThat(overlaps)
						.as("entry %s without layer %d overlaps gap %s of the full schedule", entry, removed, gap)
						.isFalse();
				}
			}
		}
	}

	@Property(tries = 300)
	void onCallAtAgreesWithTheFinalSchedule(@ForAll("schedules") Scenario scenario) {
		FinalSchedule rendered = scenario.render();
		for (Instant at : samples(scenario, rendered)) {
			assertThat(ScheduleRenderer.onCallAt(scenario.zone(), scenario.layers(), scenario.overrides(), at))
				.as("on call at %s", at)
				.isEqualTo(userAt(rendered, at));
		}
	}

	@Property(tries = 300)
	void dayAndWeekTurnsHandOffAtTheLocalTimeOfTheVirtualStart(@ForAll("calendarRotations") Scenario scenario) {
		Layer layer = scenario.layers().get(0);
		ZoneId zone = scenario.zone();
		LocalDateTime virtualStart = LocalDateTime.ofInstant(layer.rotationVirtualStart(), zone);
		List<Shift> entries = scenario.render().entries();
		for (int i = 1; i < entries.size(); i++) {
			Instant handOff = entries.get(i).start();
			assertThat(entries.get(i - 1).end()).as("a single unrestricted layer has no gap between turns")
				.isEqualTo(handOff);
			LocalDateTime local = LocalDateTime.ofInstant(handOff, zone);
			LocalDateTime intended = local.toLocalDate().atTime(virtualStart.toLocalTime());
			if (zone.getRules().getValidOffsets(intended).isEmpty()) {
				continue;
			}
			assertThat(local.toLocalTime()).as("local time of the hand-off at %s", handOff)
				.isEqualTo(virtualStart.toLocalTime());
			long days = ChronoUnit.DAYS.between(virtualStart.toLocalDate(), local.toLocalDate());
			assertThat(Math.floorMod(days, layer.turnLength().days()))
				.as("days from the virtual start to the hand-off at %s", handOff)
				.isZero();
		}
	}

	@Provide
	Arbitrary<Scenario> schedules() {
		return Arbitraries.of(ZONES)
			.map(ZoneId::of)
			.flatMap((zone) -> ranges(zone).flatMap((range) -> Combinators
				.combine(layers(range).list().ofMinSize(1).ofMaxSize(5), overrides(range).list().ofMaxSize(4))
				.as((layers, overrides) -> new Scenario(zone, layers, overrides, range.start(), range.end()))));
	}

	@Provide
	Arbitrary<Scenario> calendarRotations() {
		return Arbitraries.of(ZONES).map(ZoneId::of).flatMap((zone) -> ranges(zone).flatMap((range) -> {
			Arbitrary<TurnLength> turn = Arbitraries.of("P1D", "P2D", "P3D", "P1W", "P2W").map(this::turn);
			Arbitrary<List<String>> users = Arbitraries.of(USERS).list().uniqueElements().ofMinSize(2).ofMaxSize(6);
			Arbitrary<Instant> virtualStart = offsets(range, 30 * MINUTES_PER_DAY, 30 * MINUTES_PER_DAY);
			Arbitrary<Instant> start = offsets(range, 10 * MINUTES_PER_DAY, 0);
			return Combinators.combine(start, virtualStart, turn, users)
				.as((from, virtual, length, names) -> new Layer("calendar", from, null, virtual, length, names,
						List.of()))
				.map((layer) -> new Scenario(zone, List.of(layer), List.of(), range.start(), range.end()));
		}));
	}

	/**
	 * Ranges of one minute to 60 days, starting either anywhere in 2026–2028 or up to 30
	 * days before one of the zone's daylight-saving changes (so that many cross it).
	 */
	private Arbitrary<TimeRange> ranges(ZoneId zone) {
		Arbitrary<Instant> anywhere = Arbitraries.longs()
			.between(0, THREE_YEARS_IN_MINUTES)
			.map((minutes) -> EARLIEST.plus(Duration.ofMinutes(minutes)));
		Arbitrary<Instant> nearChange = anywhere.flatMap((anchor) -> {
			ZoneOffsetTransition change = zone.getRules().nextTransition(anchor);
			if (change == null) {
				return Arbitraries.just(anchor);
			}
			return Arbitraries.longs()
				.between(0, 30 * MINUTES_PER_DAY)
				.map((before) -> change.getInstant().minus(Duration.ofMinutes(before)));
		});
		Arbitrary<Long> length = Arbitraries.oneOf(Arbitraries.longs().between(1, MAX_RANGE_MINUTES),
				Arbitraries.longs().between(1, 60).map((days) -> days * MINUTES_PER_DAY));
		return Combinators.combine(Arbitraries.oneOf(anywhere, nearChange), length)
			.as((since, minutes) -> new TimeRange(since, since.plus(Duration.ofMinutes(minutes))));
	}

	private Arbitrary<Layer> layers(TimeRange range) {
		long rangeMinutes = range.length().toMinutes();
		Arbitrary<Instant> start = offsets(range, 30 * MINUTES_PER_DAY, rangeMinutes);
		Arbitrary<Long> lasting = Arbitraries.longs().between(1, 60 * MINUTES_PER_DAY);
		Arbitrary<Long> ending = Arbitraries.oneOf(Arbitraries.just(-1L), lasting);
		Arbitrary<Long> virtualOffset = Arbitraries.longs().between(-20 * MINUTES_PER_DAY, 20 * MINUTES_PER_DAY);
		Arbitrary<TurnLength> turn = Arbitraries
			.oneOf(Arbitraries.integers().between(1, 48).map((hours) -> "PT" + hours + "H"),
					Arbitraries.of("PT90M", "PT8H", "PT12H"),
					Arbitraries.integers().between(1, 3).map((d) -> "P" + d + "D"),
					Arbitraries.integers().between(1, 2).map((w) -> "P" + w + "W"))
			.map(this::turn);
		Arbitrary<List<String>> users = Arbitraries.of(USERS).list().ofMinSize(1).ofMaxSize(6);
		Arbitrary<List<Restriction>> restrictions = Arbitraries.oneOf(Arbitraries.just(List.<Restriction>of()),
				restriction().list().ofMinSize(1).ofMaxSize(3));
		return Combinators.combine(start, ending, virtualOffset, turn, users, restrictions)
			.as((from, end, virtual, length, names, limits) -> new Layer("layer", from,
					(end < 0) ? null : from.plus(Duration.ofMinutes(end)), from.plus(Duration.ofMinutes(virtual)),
					length, names, limits));
	}

	private Arbitrary<Restriction> restriction() {
		Arbitrary<LocalTime> time = Arbitraries.oneOf(
				Arbitraries.integers().between(0, 23).map((hour) -> LocalTime.of(hour, 0)),
				Arbitraries.integers().between(0, 24 * 60 - 1).map((minute) -> LocalTime.ofSecondOfDay(minute * 60L)));
		Arbitrary<Restriction> daily = Combinators
			.combine(time, Arbitraries.longs().between(1, MINUTES_PER_DAY).map(Duration::ofMinutes))
			.as(Restriction::daily);
		Arbitrary<Restriction> weekly = Combinators
			.combine(Arbitraries.of(DayOfWeek.class), time,
					Arbitraries.longs().between(1, 7 * MINUTES_PER_DAY).map(Duration::ofMinutes))
			.as(Restriction::weekly);
		return Arbitraries.oneOf(daily, weekly);
	}

	private Arbitrary<Shift> overrides(TimeRange range) {
		Arbitrary<Instant> start = offsets(range, 2 * MINUTES_PER_DAY, range.length().toMinutes());
		Arbitrary<Long> minutes = Arbitraries.longs().between(1, 5 * MINUTES_PER_DAY);
		return Combinators.combine(Arbitraries.of(USERS), start, minutes)
			.as((user, from, length) -> new Shift(user, from, from.plus(Duration.ofMinutes(length))));
	}

	/**
	 * Instants from {@code before} minutes before the range's start to {@code after}
	 * after.
	 */
	private Arbitrary<Instant> offsets(TimeRange range, long before, long after) {
		return Arbitraries.longs()
			.between(-before, after)
			.map((minutes) -> range.start().plus(Duration.ofMinutes(minutes)));
	}

	private TurnLength turn(String text) {
		return TurnLength.parse(text).orElseThrow();
	}

	private static void assertSortedAndNonEmpty(List<TimeRange> ranges) {
		for (int i = 0; i < ranges.size(); i++) {
			assertThat(ranges.get(i).start()).as("range %s is not empty", ranges.get(i)).isBefore(ranges.get(i).end());
			if (i > 0) {
				assertThat(ranges.get(i).start()).as("range %s starts after the previous one ends", ranges.get(i))
					.isAfterOrEqualTo(ranges.get(i - 1).end());
			}
		}
	}

	/** The user of the entry that contains {@code at}, or {@code null} in a gap. */
	private static String userAt(FinalSchedule schedule, Instant at) {
		List<Shift> entries = schedule.entries();
		int low = 0;
		int high = entries.size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			Shift entry = entries.get(middle);
			if (at.isBefore(entry.start())) {
				high = middle - 1;
			}
			else if (!at.isBefore(entry.end())) {
				low = middle + 1;
			}
			else {
				return entry.user();
			}
		}
		return null;
	}

	private static String latestOverrideAt(List<Shift> overrides, Instant at) {
		for (int i = overrides.size() - 1; i >= 0; i--) {
			Shift override = overrides.get(i);
			if (!at.isBefore(override.start()) && at.isBefore(override.end())) {
				return override.user();
			}
		}
		return null;
	}

	/**
	 * Instants to ask {@code onCallAt} about: the boundaries, midpoints and last
	 * nanoseconds of (a sample of) the entries and gaps, every layer's and override's
	 * start and end, and each daylight-saving change inside the range.
	 */
	private static List<Instant> samples(Scenario scenario, FinalSchedule rendered) {
		TreeSet<Instant> samples = new TreeSet<>();
		List<TimeRange> pieces = new ArrayList<>(rendered.gaps());
		rendered.entries().forEach((entry) -> pieces.add(new TimeRange(entry.start(), entry.end())));
		int stride = Math.max(1, pieces.size() / 40);
		for (int i = 0; i < pieces.size(); i += stride) {
			TimeRange piece = pieces.get(i);
			samples.add(piece.start());
			samples.add(piece.start().plus(piece.length().dividedBy(2)));
			samples.add(piece.end().minusNanos(1));
		}
		for (Layer layer : scenario.layers()) {
			samples.add(layer.start());
			samples.add(layer.rotationVirtualStart());
			if (layer.end() != null) {
				samples.add(layer.end());
				samples.add(layer.end().minusNanos(1));
			}
		}
		for (Shift override : scenario.overrides()) {
			samples.add(override.start());
			samples.add(override.end());
		}
		ZoneOffsetTransition change = scenario.zone().getRules().nextTransition(scenario.since());
		while (change != null && change.getInstant().isBefore(scenario.until())) {
			samples.add(change.getInstant());
			samples.add(change.getInstant().minusNanos(1));
			change = scenario.zone().getRules().nextTransition(change.getInstant());
		}
		return samples.subSet(scenario.since(), true, scenario.until(), false).stream().toList();
	}

	record Scenario(ZoneId zone, List<Layer> layers, List<Shift> overrides, Instant since, Instant until) {

		FinalSchedule render() {
			return ScheduleRenderer.render(this.zone, this.layers, this.overrides, this.since, this.until);
		}

	}

}
