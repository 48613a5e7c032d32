package dev.steward.apis;

import dev.steward.common.Keyed;

/**
 * Where a version of an API stands: a {@code draft} is not yet promised to anyone, a
 * {@code published} version is, a {@code deprecated} one is going away on its sunset
 * date, and a {@code retired} one is gone.
 */
public enum VersionStatus implements Keyed {

	DRAFT, PUBLISHED, DEPRECATED, RETIRED;

	/** Whether clients may still be using versions in this state. */
	public boolean live() {
		return this == PUBLISHED || this == DEPRECATED;
	}

}
