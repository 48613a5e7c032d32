package dev.steward.incidents;

import dev.steward.common.Keyed;

/** How bad an event says a problem is, as PagerDuty's severities. */
public enum Severity implements Keyed {

	CRITICAL, ERROR, WARNING, INFO

}
