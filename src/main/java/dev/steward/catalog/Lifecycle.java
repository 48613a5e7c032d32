package dev.steward.catalog;

import dev.steward.common.Keyed;

/** Where a service stands in its life. */
public enum Lifecycle implements Keyed {

	EXPERIMENTAL, PRODUCTION, DEPRECATED, RETIRED

}
