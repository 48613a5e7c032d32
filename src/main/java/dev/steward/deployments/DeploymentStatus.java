package dev.steward.deployments;

import java.util.Set;

import dev.steward.common.Keyed;

/**
 * Where a deployment stands: {@code in-progress} → {@code verifying} → {@code succeeded},
 * or {@code failed} → {@code rolling-back} → {@code rolled-back}; {@code blocked} when
 * the gate refused it.
 */
public enum DeploymentStatus implements Keyed {

	REQUESTED, IN_PROGRESS, VERIFYING, SUCCEEDED, FAILED, ROLLING_BACK, ROLLED_BACK, BLOCKED;

	/** The statuses of a deployment that is still under way in its environment. */
	public static final Set<DeploymentStatus> UNDER_WAY = Set.of(IN_PROGRESS, VERIFYING, ROLLING_BACK);

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK || this == BLOCKED;
	}

}
