package dev.steward.apis;

import dev.steward.common.Keyed;

/** Who an API is for: other services of the organization, or clients outside it. */
public enum ApiVisibility implements Keyed {

	INTERNAL, EXTERNAL

}
