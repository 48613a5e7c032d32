package dev.steward.deployments;

import dev.steward.common.Keyed;

/** How the pipeline replaces the nodes of an environment. */
public enum DeploymentStrategy implements Keyed {

	ROLLING, CANARY, BLUE_GREEN, ALL_AT_ONCE

}
