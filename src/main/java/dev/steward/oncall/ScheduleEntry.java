package dev.steward.oncall;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A schedule of one team: its layers and, computed when read, the gaps it will have in
 * the next 14 days ({@code upcomingGaps}; empty when it is always covered).
 */
public record ScheduleEntry(String name, String title, String description, String team, String timeZone,
		List<LayerSpec> layers, List<TimeRange> upcomingGaps, Instant createdAt, @JsonIgnore long version) {

	/**
	 * Whether the schedule will leave nobody on call at some time in the next 14 days.
	 */
	@JsonProperty
	public boolean gapWarning() {
		return !this.upcomingGaps.isEmpty();
	}

}
