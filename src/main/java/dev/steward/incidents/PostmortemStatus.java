package dev.steward.incidents;

import dev.steward.common.Keyed;

/**
 * Where a postmortem is: required (nothing written yet), draft, in review, or published.
 */
public enum PostmortemStatus implements Keyed {

	REQUIRED, DRAFT, IN_REVIEW, PUBLISHED

}
