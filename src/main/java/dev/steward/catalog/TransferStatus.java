package dev.steward.catalog;

import dev.steward.common.Keyed;

/** State of an ownership transfer. */
public enum TransferStatus implements Keyed {

	PENDING, ACCEPTED, DECLINED, CANCELLED

}
