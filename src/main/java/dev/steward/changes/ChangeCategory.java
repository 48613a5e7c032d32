package dev.steward.changes;

import dev.steward.common.Keyed;

/** What part of production infrastructure a change touches. */
public enum ChangeCategory implements Keyed {

	LOAD_BALANCER, NETWORK, DNS, CAPACITY, OS_TUNING, DATABASE, OTHER

}
