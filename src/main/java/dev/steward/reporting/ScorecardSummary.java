package dev.steward.reporting;

/** One service in the scorecard ranking: its level and how many checks it passes. */
public record ScorecardSummary(String service, String team, int tier, ScorecardLevel level, long passed, int total) {
}
