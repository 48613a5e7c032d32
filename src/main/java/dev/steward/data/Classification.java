package dev.steward.data;

import dev.steward.common.Keyed;

/** How sensitive a datastore's data is, from open to the most guarded. */
public enum Classification implements Keyed {

	PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED

}
