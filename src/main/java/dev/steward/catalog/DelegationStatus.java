package dev.steward.catalog;

import dev.steward.common.Keyed;

/**
 * One responsibility row's state: handled by the owner, or delegated and pending,
 * accepted or declined.
 */
public enum DelegationStatus implements Keyed {

	OWNER, PENDING, ACCEPTED, DECLINED

}
