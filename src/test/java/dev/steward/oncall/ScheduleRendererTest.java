package dev.steward.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleRendererTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	private static final ZoneId UTC = ZoneId.of("UTC");

	@Test
	void weeklyTurnsHandOffMondayNineLocalAcrossTheMarchChange() {
		Layer weekly = layer(at("2027-03-22T09:00+01:00"), null, at("2027-03-22T09:00+01:00"), "P1W",
				List.of("ana", "ben"));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(weekly), List.of(),
				at("2027-03-22T09:00+01:00"), at("2027-04-12T09:00+02:00"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-03-22T09:00+01:00"), at("2027-03-29T09:00+02:00")),
				new Shift("ben", at("2027-03-29T09:00+02:00"), at("2027-04-05T09:00+02:00")),
				new Shift("ana", at("2027-04-05T09:00+02:00"), at("2027-04-12T09:00+02:00")));
		assertThat(rendered.entries().get(0).end()).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
		assertThat(Duration.between(rendered.entries().get(0).start(), rendered.entries().get(0).end()))
			.isEqualTo(Duration.ofHours(167));
		assertThat(rendered.gaps()).isEmpty();
		assertThat(rendered.coverage()).isEqualTo(1.0);
	}

	@Test
	void dailyTurnsLastTwentyFiveHoursOnTheNovemberChangeInChicago() {
		Layer daily = layer(at("2027-11-05T09:00-05:00"), null, at("2027-11-05T09:00-05:00"), "P1D",
				List.of("ana", "ben", "cem"));
		FinalSchedule rendered = ScheduleRenderer.render(CHICAGO, List.of(daily), List.of(),
				at("2027-11-06T00:00-05:00"), at("2027-11-09T00:00-06:00"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-11-06T00:00-05:00"), at("2027-11-06T09:00-05:00")),
				new Shift("ben", at("2027-11-06T09:00-05:00"), at("2027-11-07T09:00-06:00")),
				new Shift("cem", at("2027-11-07T09:00-06:00"), at("2027-11-08T09:00-06:00")),
				new Shift("ana", at("2027-11-08T09:00-06:00"), at("2027-11-09T00:00-06:00")));
		Shift longDay = rendered.entries().get(1);
		assertThat(Duration.between(longDay.start(), longDay.end())).isEqualTo(Duration.ofHours(25));
	}

	@Test
	void turnsInHoursAreExactDurationsSoTheLocalHandOffMoves() {
		Layer shifts = layer(at("2027-03-27T08:00+01:00"), null, at("2027-03-27T08:00+01:00"), "PT12H",
				List.of("ana", "ben"));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(shifts), List.of(),
				at("2027-03-27T08:00+01:00"), at("2027-03-28T21:00+02:00"));
		assertThat(rendered.entries()).extracting(Shift::end)
			.containsExactly(at("2027-03-27T20:00+01:00"), at("2027-03-28T09:00+02:00"), at("2027-03-28T21:00+02:00"));
	}

	@Test
	void laterLayerRestrictedToBusinessHoursOnOneWeekdayWinsOnlyThen() {
		Layer around = layer(at("2027-01-04T09:00+01:00"), null, at("2027-01-04T09:00+01:00"), "P1W", List.of("ana"));
		Layer wednesday = new Layer("business", at("2027-01-04T00:00+01:00"), null, at("2027-01-04T00:00+01:00"),
				turn("P1W"), List.of("ben", "cem"),
				List.of(Restriction.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), Duration.ofHours(8))));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(around, wednesday), List.of(),
				at("2027-01-11T00:00+01:00"), at("2027-01-18T00:00+01:00"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-01-11T00:00+01:00"), at("2027-01-13T09:00+01:00")),
				new Shift("cem", at("2027-01-13T09:00+01:00"), at("2027-01-13T17:00+01:00")),
				new Shift("ana", at("2027-01-13T17:00+01:00"), at("2027-01-18T00:00+01:00")));
		assertThat(ScheduleRenderer.onCallAt(BERLIN, List.of(wednesday), List.of(), at("2027-01-13T17:00+01:00")))
			.isNull();
	}

	@Test
	void dailyRestrictionKeepsItsLocalHoursAcrossTheChange() {
		Layer business = new Layer("days", at("2027-03-01T00:00Z"), null, at("2027-03-01T00:00Z"), turn("P1D"),
				List.of("ana"), List.of(Restriction.daily(LocalTime.of(9, 0), Duration.ofHours(8))));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(business), List.of(),
				at("2027-03-27T00:00+01:00"), at("2027-03-29T00:00+02:00"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-03-27T09:00+01:00"), at("2027-03-27T17:00+01:00")),
				new Shift("ana", at("2027-03-28T09:00+02:00"), at("2027-03-28T17:00+02:00")));
		assertThat(rendered.gaps()).hasSize(3);
	}

	@Test
	void overrideInsideARestrictedLayerWinsOverItAndBothLayers() {
		Layer around = layer(at("2027-01-04T09:00+01:00"), null, at("2027-01-04T09:00+01:00"), "P1W", List.of("ana"));
		Layer wednesday = new Layer("business", at("2027-01-04T00:00+01:00"), null, at("2027-01-04T00:00+01:00"),
				turn("P1W"), List.of("ben"),
				List.of(Restriction.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), Duration.ofHours(8))));
		Shift override = new Shift("dan", at("2027-01-13T10:00+01:00"), at("2027-01-13T12:00+01:00"));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(around, wednesday), List.of(override),
				at("2027-01-13T00:00+01:00"), at("2027-01-14T00:00+01:00"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-01-13T00:00+01:00"), at("2027-01-13T09:00+01:00")),
				new Shift("ben", at("2027-01-13T09:00+01:00"), at("2027-01-13T10:00+01:00")), override,
				new Shift("ben", at("2027-01-13T12:00+01:00"), at("2027-01-13T17:00+01:00")),
				new Shift("ana", at("2027-01-13T17:00+01:00"), at("2027-01-14T00:00+01:00")));
	}

	@Test
	void theLatestOfOverlappingOverridesWins() {
		Shift first = new Shift("ana", at("2027-01-01T00:00Z"), at("2027-01-01T10:00Z"));
		Shift second = new Shift("ben", at("2027-01-01T04:00Z"), at("2027-01-01T06:00Z"));
		FinalSchedule rendered = ScheduleRenderer.render(UTC, List.of(), List.of(first, second),
				at("2027-01-01T00:00Z"), at("2027-01-02T00:00Z"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-01-01T00:00Z"), at("2027-01-01T04:00Z")), second,
				new Shift("ana", at("2027-01-01T06:00Z"), at("2027-01-01T10:00Z")));
		assertThat(rendered.gaps()).containsExactly(new TimeRange(at("2027-01-01T10:00Z"), at("2027-01-02T00:00Z")));
		assertThat(rendered.coverage()).isCloseTo(10.0 / 24, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void virtualStartBeforeStartFixesWhoseTurnItIsWhenTheLayerBegins() {
		Layer layer = layer(at("2027-01-10T00:00Z"), null, at("2027-01-01T00:00Z"), "P1D",
				List.of("ana", "ben", "cem"));
		FinalSchedule rendered = ScheduleRenderer.render(UTC, List.of(layer), List.of(), at("2027-01-09T00:00Z"),
				at("2027-01-12T00:00Z"));
		assertThat(rendered.gaps()).containsExactly(new TimeRange(at("2027-01-09T00:00Z"), at("2027-01-10T00:00Z")));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-01-10T00:00Z"), at("2027-01-11T00:00Z")),
				new Shift("ben", at("2027-01-11T00:00Z"), at("2027-01-12T00:00Z")));
	}

	@Test
	void virtualStartAfterStartCountsTurnsBackwards() {
		Layer layer = layer(at("2027-01-01T00:00Z"), null, at("2027-01-03T00:00Z"), "P1D",
				List.of("ana", "ben", "cem"));
		FinalSchedule rendered = ScheduleRenderer.render(UTC, List.of(layer), List.of(), at("2027-01-01T00:00Z"),
				at("2027-01-04T00:00Z"));
		assertThat(rendered.entries()).extracting(Shift::user).containsExactly("ben", "cem", "ana");
	}

	@Test
	void layerWithAnEndLeavesAGapAfterIt() {
		Layer layer = layer(at("2027-01-01T00:00Z"), at("2027-01-02T12:00Z"), at("2027-01-01T00:00Z"), "P1D",
				List.of("ana", "ben"));
		FinalSchedule rendered = ScheduleRenderer.render(UTC, List.of(layer), List.of(), at("2027-01-01T00:00Z"),
				at("2027-01-03T00:00Z"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-01-01T00:00Z"), at("2027-01-02T00:00Z")),
				new Shift("ben", at("2027-01-02T00:00Z"), at("2027-01-02T12:00Z")));
		assertThat(rendered.gaps()).containsExactly(new TimeRange(at("2027-01-02T12:00Z"), at("2027-01-03T00:00Z")));
		assertThat(rendered.coverage()).isEqualTo(0.75);
	}

	@Test
	void aLaterLayerWinsWhereItHasSomeoneAndAdjacentEntriesOfOneUserMerge() {
		Layer base = layer(at("2027-01-01T00:00Z"), null, at("2027-01-01T00:00Z"), "PT6H", List.of("ana"));
		Layer top = layer(at("2027-01-01T06:00Z"), at("2027-01-01T12:00Z"), at("2027-01-01T00:00Z"), "PT1H",
				List.of("ben", "ben", "cem"));
		FinalSchedule rendered = ScheduleRenderer.render(UTC, List.of(base, top), List.of(), at("2027-01-01T00:00Z"),
				at("2027-01-01T18:00Z"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", at("2027-01-01T00:00Z"), at("2027-01-01T06:00Z")),
				new Shift("ben", at("2027-01-01T06:00Z"), at("2027-01-01T08:00Z")),
				new Shift("cem", at("2027-01-01T08:00Z"), at("2027-01-01T09:00Z")),
				new Shift("ben", at("2027-01-01T09:00Z"), at("2027-01-01T11:00Z")),
				new Shift("cem", at("2027-01-01T11:00Z"), at("2027-01-01T12:00Z")),
				new Shift("ana", at("2027-01-01T12:00Z"), at("2027-01-01T18:00Z")));
	}

	@Test
	void aRestrictionStartingInTheSpringForwardGapStartsWhenTheGapEnds() {
		Layer nights = new Layer("nights", at("2027-03-01T00:00Z"), null, at("2027-03-01T00:00Z"), turn("P1D"),
				List.of("ana"), List.of(Restriction.daily(LocalTime.of(2, 30), Duration.ofMinutes(45))));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(nights), List.of(),
				at("2027-03-28T00:00+01:00"), at("2027-03-29T00:00+02:00"));
		assertThat(rendered.entries())
			.containsExactly(new Shift("ana", at("2027-03-28T03:00+02:00"), at("2027-03-28T03:15+02:00")));
	}

	@Test
	void aDailyHandOffInsideTheGapHappensWhenTheGapEnds() {
		Layer daily = layer(at("2027-03-26T02:30+01:00"), null, at("2027-03-26T02:30+01:00"), "P1D",
				List.of("ana", "ben"));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(daily), List.of(),
				at("2027-03-27T00:00+01:00"), at("2027-03-29T12:00+02:00"));
		assertThat(rendered.entries()).extracting(Shift::end)
			.containsExactly(at("2027-03-27T02:30+01:00"), at("2027-03-28T03:00+02:00"), at("2027-03-29T02:30+02:00"),
					at("2027-03-29T12:00+02:00"));
	}

	@Test
	void turnZeroStartsAtAVirtualStartInTheRepeatedAutumnHour() {
		Instant secondHalfPastTwo = at("2027-10-31T02:30+01:00");
		Layer daily = layer(secondHalfPastTwo, null, secondHalfPastTwo, "P1D", List.of("ana", "ben"));
		FinalSchedule rendered = ScheduleRenderer.render(BERLIN, List.of(daily), List.of(), secondHalfPastTwo,
				at("2027-11-01T12:00+01:00"));
		assertThat(rendered.entries()).containsExactly(
				new Shift("ana", secondHalfPastTwo, at("2027-11-01T02:30+01:00")),
				new Shift("ben", at("2027-11-01T02:30+01:00"), at("2027-11-01T12:00+01:00")));
	}

	@Test
	void coverageCountsBelowAMillisecond() {
		Shift half = new Shift("ana", at("2027-01-01T00:00Z"), at("2027-01-01T00:00Z").plusNanos(500_000));
		FinalSchedule rendered = ScheduleRenderer.render(UTC, List.of(), List.of(half), at("2027-01-01T00:00Z"),
				at("2027-01-01T00:00Z").plusMillis(1));
		assertThat(rendered.coverage()).isEqualTo(0.5);
		assertThat(ScheduleRenderer
			.render(UTC, List.of(), List.of(), at("2027-01-01T00:00Z"), at("2027-01-01T00:00Z").plusNanos(1))
			.coverage()).isZero();
	}

	@Test
	void turnLengthsAreHoursDaysOrWeeks() {
		assertThat(TurnLength.parse("PT12H")).contains(new TurnLength(Duration.ofHours(12), 0));
		assertThat(TurnLength.parse("P1D")).contains(new TurnLength(null, 1));
		assertThat(TurnLength.parse("P2W")).contains(new TurnLength(null, 14));
		assertThat(TurnLength.parse("P2W").orElseThrow()).hasToString("P14D");
		assertThat(List.of("PT0H", "P0D", "-PT1H", "PT-1H", "P1M", "P1Y", "PT30S", "P1DT2H", "soon", ""))
			.allSatisfy(text -> assertThat(TurnLength.parse(text)).as(text).isEmpty());
	}

	private static Layer layer(Instant start, Instant end, Instant virtualStart, String turn, List<String> users) {
		return new Layer(null, start, end, virtualStart, turn(turn), users, List.of());
	}

	private static TurnLength turn(String text) {
		return TurnLength.parse(text).orElseThrow();
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
