package dev.steward.reporting;

import dev.steward.catalog.Aspect;

/**
 * One check of a service's scorecard: the aspect it belongs to, its name, whether it
 * passed and a sentence saying what was found.
 */
public record ScorecardCheck(Aspect aspect, String check, boolean passed, String detail) {
}
