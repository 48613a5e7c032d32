package dev.steward.oncall;

import java.time.Instant;
import java.util.List;

/**
 * A schedule layer as clients write and read it: the rotation's users take turns of
 * {@code turnLength} (ISO-8601: {@code PT12H}, {@code P1D}, {@code P1W}) counted from
 * {@code rotationVirtualStart}, from {@code start} to {@code end} (open when absent),
 * inside the restrictions when there are any.
 */
public record LayerSpec(String name, Instant start, Instant end, Instant rotationVirtualStart, String turnLength,
		List<String> users, List<RestrictionSpec> restrictions) {

	/**
	 * This layer as it is stored: the rotation counted from {@code start} unless said
	 * otherwise, and no restrictions when none are given.
	 */
	public LayerSpec normalized() {
		return new LayerSpec(this.name, this.start, this.end,
				this.rotationVirtualStart == null ? this.start : this.rotationVirtualStart, this.turnLength, this.users,
				this.restrictions == null ? List.of() : this.restrictions);
	}

	/**
	 * A restriction as clients write it: {@code daily} or {@code weekly}, local times.
	 */
	public record RestrictionSpec(String type, String startTimeOfDay, String duration, Integer startDayOfWeek) {
	}

}
