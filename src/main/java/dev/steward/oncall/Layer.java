package dev.steward.oncall;

import java.time.Instant;
import java.util.List;

/**
 * One rotation of a schedule: from {@code start} (to {@code end}, when set) the users
 * take turns in order, counted from {@code rotationVirtualStart}, and only inside the
 * restrictions when there are any.
 */
public record Layer(String name, Instant start, Instant end, Instant rotationVirtualStart, TurnLength turnLength,
		List<String> users, List<Restriction> restrictions) {

	public Layer {
		users = List.copyOf(users);
		restrictions = List.copyOf(restrictions);
	}

}
