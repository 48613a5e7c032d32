package dev.steward.reporting;

import dev.steward.common.Keyed;

/**
 * How much of STOSA a service covers: {@code bronze} has full on-call coverage and an
 * SLO, {@code silver} adds APIs, windows, timely monitoring reviews, accepted delegations
 * and clean data access, {@code gold} passes every check; {@code none} is below bronze.
 */
public enum ScorecardLevel implements Keyed {

	NONE, BRONZE, SILVER, GOLD;

	/** Whether this level is {@code level} or higher. */
	public boolean atLeast(ScorecardLevel level) {
		return compareTo(level) >= 0;
	}

}
