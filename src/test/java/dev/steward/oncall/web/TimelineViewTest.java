package dev.steward.oncall.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steward.oncall.FinalSchedule;
import dev.steward.oncall.ScheduleTimeline;
import dev.steward.oncall.Shift;
import dev.steward.oncall.TimeRange;
import dev.steward.oncall.web.TimelineView.Block;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineViewTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant SINCE = Instant.parse("2027-03-22T12:00:00Z");

	private static final Instant UNTIL = Instant.parse("2027-04-05T12:00:00Z");

	@Test
	void placesBlocksByTheirShareOfTheRangeAndCutsThemToIt() {
		Shift before = new Shift("ana", Instant.parse("2027-03-21T12:00:00Z"), Instant.parse("2027-03-23T12:00:00Z"));
		Shift after = new Shift("ben", Instant.parse("2027-04-04T12:00:00Z"), Instant.parse("2027-04-06T12:00:00Z"));
		TimelineView view = TimelineView.of(timeline(List.of(before, after), List.of(), List.of()), BERLIN);

		List<Block> blocks = view.layers().get(0).blocks();
		assertThat(blocks).extracting(Block::left).containsExactly("0.0000%", "92.8571%");
		assertThat(blocks).extracting(Block::width).containsExactly("7.1429%", "7.1429%");
		assertThat(blocks.get(0).start()).isEqualTo(SINCE);
		assertThat(blocks.get(0).title()).isEqualTo("ana: Sun 21 Mar 13:00 – Tue 23 Mar 13:00 (Europe/Berlin)");
		assertThat(blocks.get(0).colour()).isNotEqualTo(blocks.get(1).colour());
	}

	@Test
	void theFinalRowHasItsEntriesAndGapsInTimeOrder() {
		Shift ana = new Shift("ana", SINCE, Instant.parse("2027-03-25T12:00:00Z"));
		TimeRange gap = new TimeRange(Instant.parse("2027-03-25T12:00:00Z"), UNTIL);
		TimelineView view = TimelineView.of(timeline(List.of(ana), List.of(ana), List.of(gap)), BERLIN);

		assertThat(view.result().name()).isEqualTo("Final");
		assertThat(view.result().blocks()).extracting(Block::gap).containsExactly(false, true);
		Block hole = view.result().blocks().get(1);
		assertThat(hole.left()).isEqualTo("21.4286%");
		assertThat(hole.title()).startsWith("No one on call: Thu 25 Mar 13:00 – ");
	}

	@Test
	void ticksMarkEachLocalMidnightAcrossTheClockChange() {
		TimelineView view = TimelineView.of(timeline(List.of(), List.of(), List.of()), BERLIN);

		assertThat(view.ticks()).hasSize(14);
		assertThat(view.ticks().get(0).label()).isEqualTo("Tue 23");
		assertThat(view.ticks().get(0).left()).isEqualTo("3.2738%");
		assertThat(view.ticks().get(6).label()).isEqualTo("Mon 29");
		assertThat(view.ticks().get(6).left()).isEqualTo("45.8333%");
	}

	private static ScheduleTimeline timeline(List<Shift> layer, List<Shift> entries, List<TimeRange> gaps) {
		return new ScheduleTimeline(SINCE, UNTIL, List.of(new ScheduleTimeline.Row("Primary", layer)), List.of(),
				new FinalSchedule(entries, gaps, 1.0));
	}

}
