package dev.steward.oncall;

import java.util.List;

/** Body of creating or fully updating a schedule; the last layer wins. */
public record ScheduleRequest(String name, String title, String description, String team, String timeZone,
		List<LayerSpec> layers) {

	/** The request that would recreate this schedule, the base of a merge patch. */
	public static ScheduleRequest from(ScheduleEntry schedule) {
		return new ScheduleRequest(schedule.name(), schedule.title(), schedule.description(), schedule.team(),
				schedule.timeZone(), schedule.layers());
	}

}
