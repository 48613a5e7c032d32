package dev.steward.monitoring;

import dev.steward.common.Keyed;

/**
 * What a monitor watches: the four golden signals (latency, traffic, errors, saturation),
 * availability, the freshness and correctness of data, a dependency, or something else.
 */
public enum Watch implements Keyed {

	AVAILABILITY, LATENCY, ERRORS, SATURATION, TRAFFIC, FRESHNESS, CORRECTNESS, DEPENDENCY, OTHER

}
