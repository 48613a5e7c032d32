package dev.steward.catalog;

import dev.steward.common.Keyed;

/** A team's kind: a service-owning stream team or a shared platform team. */
public enum TeamKind implements Keyed {

	STREAM, SHARED

}
