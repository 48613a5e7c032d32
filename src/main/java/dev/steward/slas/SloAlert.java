package dev.steward.slas;

import dev.steward.common.Keyed;

/** The burn-rate alert an SLO is in: none, a ticket (slow burn) or a page (fast burn). */
public enum SloAlert implements Keyed {

	NONE, TICKET, PAGE

}
