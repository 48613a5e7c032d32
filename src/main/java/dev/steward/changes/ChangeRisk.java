package dev.steward.changes;

import dev.steward.common.Keyed;

/** How much could go wrong; a high-risk change needs two approvers. */
public enum ChangeRisk implements Keyed {

	LOW, MEDIUM, HIGH

}
