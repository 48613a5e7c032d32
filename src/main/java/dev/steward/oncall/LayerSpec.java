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
	 * A restriction as clients write it: {@code daily} or {@code weekly}, local times.
	 */
	public record RestrictionSpec(String type, String startTimeOfDay, String duration, Integer startDayOfWeek) {
	}

}
