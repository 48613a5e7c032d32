package dev.steward.incidents;

import dev.steward.common.Keyed;

/**
 * Whether an incident pages through the whole escalation policy (high) or notifies its
 * first level only (low).
 */
public enum Urgency implements Keyed {

	HIGH, LOW

}
