package dev.steward.incidents;

import dev.steward.common.Keyed;

/** What an incoming event asks for. */
public enum EventAction implements Keyed {

	TRIGGER, ACKNOWLEDGE, RESOLVE

}
