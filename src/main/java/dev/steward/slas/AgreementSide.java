package dev.steward.slas;

import dev.steward.common.Keyed;

/** A side of an SLA agreement: the service that provides, or the one that consumes. */
public enum AgreementSide implements Keyed {

	PROVIDER, CONSUMER;

	/** The side across the table. */
	public AgreementSide other() {
		return this == PROVIDER ? CONSUMER : PROVIDER;
	}

}
