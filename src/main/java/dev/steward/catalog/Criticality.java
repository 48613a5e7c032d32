package dev.steward.catalog;

import dev.steward.common.Keyed;

/**
 * Whether a consumer fails when its provider fails (hard) or degrades gracefully (soft).
 */
public enum Criticality implements Keyed {

	HARD, SOFT

}
