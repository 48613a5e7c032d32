package dev.steward.data;

import dev.steward.common.Keyed;

/** Whether a service reads a datastore directly or also writes to it. */
public enum AccessMode implements Keyed {

	READ, WRITE

}
