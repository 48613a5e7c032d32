package dev.steward.windows;

import dev.steward.common.Keyed;

/** An allow window opens the gate while active; a deny window (a blackout) closes it. */
public enum WindowKind implements Keyed {

	ALLOW, DENY

}
