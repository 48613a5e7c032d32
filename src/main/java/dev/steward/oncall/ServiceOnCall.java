package dev.steward.oncall;

import java.time.Instant;
import java.util.List;

/**
 * Who a service's escalation policy reaches at an instant, level by level; no policy
 * means no levels.
 */
public record ServiceOnCall(String service, String policy, Instant at, List<LevelOnCall> levels) {

	/** The users one level reaches (duplicates removed) and how each target resolved. */
	public record LevelOnCall(int level, String delay, List<String> users, List<TargetOnCall> targets) {
	}

	/** A target and the user it resolved to, {@code null} for a schedule with a gap. */
	public record TargetOnCall(String type, String name, String user) {
	}

}
