package dev.steward.oncall;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Body of creating or fully updating an escalation policy: ordered levels, and how many
 * times ({@code repeat}) the policy starts again after its last level.
 */
public record EscalationPolicyRequest(String name, String title, String description, String team, Integer repeat,
		List<Level> levels) {

	/** The request that would recreate this policy, the base of a merge patch. */
	public static EscalationPolicyRequest from(EscalationPolicyEntry policy) {
		return new EscalationPolicyRequest(policy.name(), policy.title(), policy.description(), policy.team(),
				policy.repeat(), policy.levels());
	}

	/**
	 * This request as it would be stored: {@code repeat} 0 when absent and each delay in
	 * its canonical form ({@code PT300S} becomes {@code PT5M}); values that are missing
	 * or malformed stay as they are, for validation to refuse.
	 */
	public EscalationPolicyRequest normalized() {
		List<Level> normalized = this.levels == null ? null
				: this.levels.stream().map(level -> level == null ? null : level.normalized()).toList();
		return new EscalationPolicyRequest(this.name, this.title, this.description, this.team,
				this.repeat == null ? 0 : this.repeat, normalized);
	}

	/** One level: who is paged, and how long ({@code delay}) before the next level is. */
	public record Level(String delay, List<Target> targets) {

		Level normalized() {
			if (this.delay == null) {
				return this;
			}
			try {
				return new Level(Duration.parse(this.delay).toString(), this.targets);
			}
			catch (DateTimeParseException ex) {
				return this;
			}
		}

	}

	/** A user, or whoever a schedule has on call. */
	public record Target(String type, String name) {
	}

}
