package dev.steward.slas;

import dev.steward.common.Keyed;

/**
 * What an SLO counts: available requests among all ({@code availability}), requests
 * faster than a threshold ({@code latency}), or any good/total ratio.
 */
public enum SloIndicator implements Keyed {

	AVAILABILITY, LATENCY, RATIO

}
