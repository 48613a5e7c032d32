package dev.steward.oncall;

import java.time.Instant;
import java.util.List;

/**
 * What a schedule looks like over a range, row by row: each layer's own shifts, the
 * overrides, and the final schedule they make.
 */
public record ScheduleTimeline(Instant since, Instant until, List<Row> layers, List<Shift> overrides,
		FinalSchedule result) {

	/** The shifts of one layer, named by its name or its position. */
	public record Row(String name, List<Shift> shifts) {
	}

}
