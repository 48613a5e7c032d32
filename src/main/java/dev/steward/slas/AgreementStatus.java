package dev.steward.slas;

import dev.steward.common.Keyed;

/**
 * Where an SLA agreement stands: proposed (waiting for the other side to accept or
 * counter), active (in force and evaluated), superseded (by a newer agreement of the same
 * pair that was accepted) or withdrawn (by either side).
 */
public enum AgreementStatus implements Keyed {

	PROPOSED, ACTIVE, SUPERSEDED, WITHDRAWN

}
