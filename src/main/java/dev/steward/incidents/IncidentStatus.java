package dev.steward.incidents;

import dev.steward.common.Keyed;

/** Where an incident is in its life: triggered, then acknowledged, then resolved. */
public enum IncidentStatus implements Keyed {

	TRIGGERED, ACKNOWLEDGED, RESOLVED

}
