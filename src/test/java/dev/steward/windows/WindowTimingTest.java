package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowTimingTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final Duration FAR = Duration.ofDays(366);

	@Test
	void aOneOffWindowIsActiveFromItsStartUpToButNotAtItsEnd() {
		Instant start = at("2026-12-24T00:00:00+01:00");
		Instant end = at("2026-12-27T00:00:00+01:00");
		WindowTiming.Once once = new WindowTiming.Once(start, end);
		Interval whole = new Interval(start, end);
		assertThat(covering(once, start.minusSeconds(3600))).as("the next stretch, before it starts").contains(whole);
		assertThat(covering(once, start)).contains(whole);
		assertThat(whole.contains(start)).isTrue();
		assertThat(covering(once, end.minusNanos(1))).contains(whole);
		assertThat(whole.contains(end.minusNanos(1))).isTrue();
		assertThat(whole.contains(end)).isFalse();
		assertThat(covering(once, end)).as("at the end it is over").isEmpty();
		assertThat(covering(once, end.plusSeconds(1))).isEmpty();
	}

	@Test
	void aOneOffWindowBeyondTheHorizonIsNotFound() {
		Instant start = at("2027-06-01T00:00:00Z");
		WindowTiming.Once once = new WindowTiming.Once(start, start.plus(Duration.ofHours(2)));
		assertThat(once.coveringOrNext(at("2027-05-01T00:00:00Z"), start.minusNanos(1))).isEmpty();
		assertThat(once.coveringOrNext(at("2027-05-01T00:00:00Z"), start)).isPresent();
	}

	@Test
	void aOneOffWindowListsOnlyWhenItOverlapsTheRangeAsked() {
		Instant start = at("2026-12-24T00:00:00Z");
		Instant end = at("2026-12-25T00:00:00Z");
		WindowTiming.Once once = new WindowTiming.Once(start, end);
		assertThat(once.between(start.minus(Duration.ofDays(1)), start)).as("a range ending where it starts").isEmpty();
		assertThat(once.between(end, end.plus(Duration.ofDays(1)))).as("a range starting where it ends").isEmpty();
		assertThat(once.between(start.plusSeconds(60), start.plusSeconds(120)))
			.containsExactly(new Interval(start, end));
	}

	@Test
	void nineInTheMorningInNewYorkIsThirteenUtcInSummerAndFourteenInWinter() {
		WindowTiming.Recurring nine = recurring("0 9 * * *", NEW_YORK, "PT1H");
		assertThat(covering(nine, at("2026-07-15T00:00:00Z")))
			.contains(new Interval(at("2026-07-15T13:00:00Z"), at("2026-07-15T14:00:00Z")));
		assertThat(covering(nine, at("2026-01-15T00:00:00Z")))
			.contains(new Interval(at("2026-01-15T14:00:00Z"), at("2026-01-15T15:00:00Z")));
	}

	@Test
	void nineInTheMorningInBerlinIsSevenUtcInSummerAndEightInWinter() {
		WindowTiming.Recurring nine = recurring("0 9 * * *", BERLIN, "PT1H");
		assertThat(starts(nine, "2026-07-15T00:00:00Z", "2026-07-16T00:00:00Z"))
			.containsExactly(at("2026-07-15T07:00:00Z"));
		assertThat(starts(nine, "2026-01-15T00:00:00Z", "2026-01-16T00:00:00Z"))
			.containsExactly(at("2026-01-15T08:00:00Z"));
	}

	@Test
	void nineInTheMorningInSydneyIsTheUtcEveningBeforeOneHourLaterInTheSouthernWinter() {
		WindowTiming.Recurring nine = recurring("0 9 * * *", SYDNEY, "PT1H");
		assertThat(starts(nine, "2026-01-14T12:00:00Z", "2026-01-15T12:00:00Z"))
			.containsExactly(at("2026-01-14T22:00:00Z"));
		assertThat(starts(nine, "2026-07-14T12:00:00Z", "2026-07-15T12:00:00Z"))
			.containsExactly(at("2026-07-14T23:00:00Z"));
	}

	@Test
	void aStartInTheSkippedSpringHourOpensLaterByTheGapInNewYork() {
		// 2026-03-08 02:00 EST: clocks jump to 03:00 EDT, so 02:30 does not exist that
		// day
		WindowTiming.Recurring halfPastTwo = recurring("30 2 * * *", NEW_YORK, "PT1H");
		List<Instant> starts = starts(halfPastTwo, "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z");
		assertThat(starts).containsExactly(at("2026-03-07T02:30:00-05:00"), at("2026-03-08T03:30:00-04:00"),
				at("2026-03-09T02:30:00-04:00"));
		assertThat(starts.get(1)).isEqualTo(at("2026-03-08T07:30:00Z"));
		assertThat(local(starts.get(1), NEW_YORK)).isEqualTo(LocalDateTime.parse("2026-03-08T03:30"));
	}

	@Test
	void aStartInTheSkippedSpringHourOpensLaterByTheGapInBerlin() {
		// 2026-03-29 02:00 CET: clocks jump to 03:00 CEST
		WindowTiming.Recurring halfPastTwo = recurring("30 2 * * *", BERLIN, "PT30M");
		assertThat(starts(halfPastTwo, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z")).containsExactly(
				at("2026-03-28T02:30:00+01:00"), at("2026-03-29T03:30:00+02:00"), at("2026-03-30T02:30:00+02:00"));
	}

	@Test
	void aStartInTheSkippedSpringHourOpensLaterByTheGapInSydney() {
		// 2026-10-04 02:00 AEST: clocks jump to 03:00 AEDT
		WindowTiming.Recurring halfPastTwo = recurring("30 2 * * *", SYDNEY, "PT30M");
		assertThat(starts(halfPastTwo, "2026-10-02T12:00:00Z", "2026-10-04T12:00:00Z"))
			.containsExactly(at("2026-10-03T02:30:00+10:00"), at("2026-10-04T03:30:00+11:00"));
	}

	@Test
	void aStartInTheRepeatedAutumnHourOpensOnceAtTheFirstOfTheTwoInNewYork() {
		// 2026-11-01 02:00 EDT: clocks fall back to 01:00 EST, so 01:30 happens twice
		WindowTiming.Recurring halfPastOne = recurring("30 1 * * *", NEW_YORK, "PT15M");
		assertThat(starts(halfPastOne, "2026-10-31T12:00:00Z", "2026-11-02T12:00:00Z"))
			.containsExactly(at("2026-11-01T05:30:00Z"), at("2026-11-02T06:30:00Z"));
		assertThat(covering(halfPastOne, at("2026-11-01T06:30:00Z")))
			.as("the second 01:30 (EST) is not a start; the next one is the next day's")
			.contains(new Interval(at("2026-11-02T06:30:00Z"), at("2026-11-02T06:45:00Z")));
	}

	@Test
	void aStartInTheRepeatedAutumnHourOpensOnceAtTheFirstOfTheTwoInBerlin() {
		// 2026-10-25 03:00 CEST: clocks fall back to 02:00 CET, so 02:30 happens twice
		WindowTiming.Recurring halfPastTwo = recurring("30 2 * * *", BERLIN, "PT15M");
		assertThat(starts(halfPastTwo, "2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z"))
			.containsExactly(at("2026-10-25T02:30:00+02:00"), at("2026-10-26T02:30:00+01:00"));
	}

	@Test
	void aStartInTheRepeatedAutumnHourOpensOnceAtTheFirstOfTheTwoInSydney() {
		// 2026-04-05 03:00 AEDT: clocks fall back to 02:00 AEST
		WindowTiming.Recurring halfPastTwo = recurring("30 2 * * *", SYDNEY, "PT15M");
		assertThat(starts(halfPastTwo, "2026-04-04T12:00:00Z", "2026-04-05T12:00:00Z"))
			.containsExactly(at("2026-04-05T02:30:00+11:00"));
	}

	@Test
	void inLordHowesHalfHourGapAShiftedStartDoesNotHideAnEarlierOneAfterTheGap() {
		// 2026-10-04 02:00 LHST: clocks jump to 02:30 LHDT; 02:07 opens at 02:37, but
		// 02:35 is real
		ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
		WindowTiming.Recurring everySeven = recurring("*/7 2 * * *", lordHowe, "PT1M");
		assertThat(covering(everySeven, at("2026-10-04T02:32:00+11:00")).orElseThrow().start())
			.isEqualTo(at("2026-10-04T02:35:00+11:00"));
		assertThat(covering(everySeven, at("2026-10-04T02:36:30+11:00")).orElseThrow().start())
			.isEqualTo(at("2026-10-04T02:37:00+11:00"));
		// five minutes from each start: 02:30, 02:35, 02:37, 02:42 … 02:58 chain into one
		// stretch
		WindowTiming.Recurring chained = recurring("*/7 2 * * *", lordHowe, "PT5M");
		assertThat(covering(chained, at("2026-10-04T02:30:00+11:00")))
			.contains(new Interval(at("2026-10-04T02:30:00+11:00"), at("2026-10-04T03:03:00+11:00")));
	}

	@Test
	void theDurationIsElapsedTimeSoTheLocalEndMovesAcrossADaylightSavingChange() {
		// Saturday 22:00 EST for eight hours ends Sunday 07:00 EDT: nine hours on the
		// wall
		WindowTiming.Recurring saturdayNight = recurring("0 22 * * SAT", NEW_YORK, "PT8H");
		Interval spring = covering(saturdayNight, at("2026-03-07T12:00:00Z")).orElseThrow();
		assertThat(spring).isEqualTo(new Interval(at("2026-03-08T03:00:00Z"), at("2026-03-08T11:00:00Z")));
		assertThat(local(spring.end(), NEW_YORK)).isEqualTo(LocalDateTime.parse("2026-03-08T07:00"));
		// Sunday 00:00 CEST for six hours ends 05:00 CET in Berlin: five hours on the
		// wall
		WindowTiming.Recurring sundayMorning = recurring("0 0 * * SUN", BERLIN, "PT6H");
		Interval autumn = covering(sundayMorning, at("2026-10-24T12:00:00Z")).orElseThrow();
		assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(6));
		assertThat(local(autumn.start(), BERLIN)).isEqualTo(LocalDateTime.parse("2026-10-25T00:00"));
		assertThat(local(autumn.end(), BERLIN)).isEqualTo(LocalDateTime.parse("2026-10-25T05:00"));
	}

	@Test
	void anOccurrenceIsActiveFromItsStartUpToButNotAtItsEnd() {
		WindowTiming.Recurring daily = recurring("0 9 * * *", UTC, "PT2H");
		Interval today = new Interval(at("2026-05-04T09:00:00Z"), at("2026-05-04T11:00:00Z"));
		Interval tomorrow = new Interval(at("2026-05-05T09:00:00Z"), at("2026-05-05T11:00:00Z"));
		assertThat(covering(daily, at("2026-05-04T08:59:59Z"))).contains(today);
		assertThat(covering(daily, at("2026-05-04T09:00:00Z"))).contains(today);
		assertThat(covering(daily, at("2026-05-04T10:59:59.999Z"))).contains(today);
		assertThat(covering(daily, at("2026-05-04T11:00:00Z"))).contains(tomorrow);
	}

	@Test
	void overlappingOccurrencesMergeIntoOneStretch() {
		WindowTiming.Recurring overlapping = recurring("0 9-11 * * *", UTC, "PT90M");
		assertThat(overlapping.between(at("2026-05-04T00:00:00Z"), at("2026-05-05T00:00:00Z")))
			.containsExactly(new Interval(at("2026-05-04T09:00:00Z"), at("2026-05-04T12:30:00Z")));
		assertThat(covering(overlapping, at("2026-05-04T10:15:00Z")).orElseThrow().end())
			.as("active until the last overlapping occurrence ends")
			.isEqualTo(at("2026-05-04T12:30:00Z"));
	}

	@Test
	void occurrencesThatTouchMergeButOnesWithAGapBetweenDoNot() {
		WindowTiming.Recurring touching = recurring("0 9,10 * * *", UTC, "PT1H");
		assertThat(touching.between(at("2026-05-04T00:00:00Z"), at("2026-05-05T00:00:00Z")))
			.containsExactly(new Interval(at("2026-05-04T09:00:00Z"), at("2026-05-04T11:00:00Z")));
		WindowTiming.Recurring apart = recurring("0 9,11 * * *", UTC, "PT1H");
		assertThat(apart.between(at("2026-05-04T00:00:00Z"), at("2026-05-05T00:00:00Z"))).containsExactly(
				new Interval(at("2026-05-04T09:00:00Z"), at("2026-05-04T10:00:00Z")),
				new Interval(at("2026-05-04T11:00:00Z"), at("2026-05-04T12:00:00Z")));
	}

	@Test
	void occurrencesLongerThanTheirSpacingMergeAcrossDays() {
		// a weekday window from 08:00 lasting 24 hours: Monday 08:00 to Saturday 08:00
		WindowTiming.Recurring weekdays = recurring("0 8 * * MON-FRI", UTC, "PT24H");
		assertThat(weekdays.between(at("2026-05-03T00:00:00Z"), at("2026-05-10T00:00:00Z")))
			.containsExactly(new Interval(at("2026-05-04T08:00:00Z"), at("2026-05-09T08:00:00Z")));
	}

	@Test
	void aWindowThatNeverStopsReachesPastTheHorizon() {
		WindowTiming.Recurring always = recurring("0 0 * * *", UTC, "PT25H");
		Instant now = at("2026-05-04T12:00:00Z");
		Instant horizon = now.plus(Duration.ofDays(3));
		Interval stretch = always.coveringOrNext(now, horizon).orElseThrow();
		assertThat(stretch.contains(now)).isTrue();
		assertThat(stretch.end()).isAfter(horizon);
	}

	@Test
	void aRecurringWindowWhoseNextStartIsBeyondTheHorizonIsNotFound() {
		WindowTiming.Recurring newYear = recurring("0 0 1 1 *", UTC, "PT1H");
		assertThat(newYear.coveringOrNext(at("2026-06-01T00:00:00Z"), at("2026-12-31T23:59:59Z"))).isEmpty();
		assertThat(newYear.coveringOrNext(at("2026-06-01T00:00:00Z"), at("2027-01-01T00:00:00Z")))
			.contains(new Interval(at("2027-01-01T00:00:00Z"), at("2027-01-01T01:00:00Z")));
	}

	@Test
	void theDayFieldsAreReadOnTheLocalDate() {
		// Monday 01:00 in Sydney is still Sunday in UTC
		WindowTiming.Recurring mondays = recurring("0 1 * * MON", SYDNEY, "PT1H");
		assertThat(starts(mondays, "2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z"))
			.containsExactly(at("2026-06-07T15:00:00Z"));
	}

	@Test
	void aWeekendFreezeFromFridayNightToMondayMorningIsOneStretch() {
		WindowTiming.Recurring weekend = recurring("0 23 * * FRI", BERLIN, "PT56H");
		assertThat(weekend.between(at("2026-06-02T00:00:00Z"), at("2026-06-15T00:00:00Z"))).containsExactly(
				new Interval(at("2026-06-05T23:00:00+02:00"), at("2026-06-08T07:00:00+02:00")),
				new Interval(at("2026-06-12T23:00:00+02:00"), at("2026-06-15T07:00:00+02:00")));
	}

	private static WindowTiming.Recurring recurring(String cron, ZoneId zone, String duration) {
		return new WindowTiming.Recurring(CronSchedule.parse(cron), zone, Duration.parse(duration));
	}

	private static Optional<Interval> covering(WindowTiming timing, Instant at) {
		return timing.coveringOrNext(at, at.plus(FAR));
	}

	private static List<Instant> starts(WindowTiming timing, String from, String until) {
		return timing.between(at(from), at(until)).stream().map(Interval::start).toList();
	}

	private static LocalDateTime local(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDateTime();
	}

	static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
