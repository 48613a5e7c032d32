package dev.steward.environments;

import dev.steward.common.Keyed;

/**
 * Whether an environment serves real users; production environments are gated hardest.
 */
public enum EnvironmentKind implements Keyed {

	PRODUCTION, NON_PRODUCTION

}
