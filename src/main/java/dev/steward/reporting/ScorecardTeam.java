package dev.steward.reporting;

import java.util.Map;

/**
 * One team in the scorecard ranking: how many of its services reach each level (by level
 * key, {@code none} to {@code gold}) and the share of them (0–100) at silver or above.
 */
public record ScorecardTeam(String team, int services, Map<String, Integer> levels, double silverOrAbovePercent) {
}
