package dev.steward.oncall;

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

	/** One level: who is paged, and how long ({@code delay}) before the next level is. */
	public record Level(String delay, List<Target> targets) {
	}

	/** A user, or whoever a schedule has on call. */
	public record Target(String type, String name) {
	}

}
