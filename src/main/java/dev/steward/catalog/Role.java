package dev.steward.catalog;

import dev.steward.common.Keyed;

/** A user's role in a team; leads manage membership. */
public enum Role implements Keyed {

	MEMBER, LEAD

}
