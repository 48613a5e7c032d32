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

	/**
	 * This request with its layers as they would be stored
	 * ({@link LayerSpec#normalized()}); missing or empty layers stay as they are, for
	 * validation to refuse.
	 */
	public ScheduleRequest normalized() {
		List<LayerSpec> normalized = this.layers == null ? null
				: this.layers.stream().map(layer -> layer == null ? null : layer.normalized()).toList();
		return new ScheduleRequest(this.name, this.title, this.description, this.team, this.timeZone, normalized);
	}

}
