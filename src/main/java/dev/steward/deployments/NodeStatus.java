package dev.steward.deployments;

import dev.steward.common.Keyed;

/**
 * A node's progress in a deployment; {@code updating} and {@code failed} nodes are
 * unavailable.
 */
public enum NodeStatus implements Keyed {

	PENDING, UPDATING, UPDATED, FAILED;

	public boolean unavailable() {
		return this == UPDATING || this == FAILED;
	}

}
