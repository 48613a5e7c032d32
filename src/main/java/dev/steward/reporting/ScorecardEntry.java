package dev.steward.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.steward.catalog.Aspect;

/**
 * A service's STOSA scorecard: its level and every check, in the order of the fourteen
 * aspects.
 */
public record ScorecardEntry(String service, String team, int tier, ScorecardLevel level, List<ScorecardCheck> checks,
		long passed) {

	/**
	 * A scorecard of these checks, counting those passed once (rankings compare it
	 * often).
	 */
	public ScorecardEntry(String service, String team, int tier, ScorecardLevel level, List<ScorecardCheck> checks) {
		this(service, team, tier, level, checks, checks.stream().filter(ScorecardCheck::passed).count());
	}

	@JsonProperty
	public int total() {
		return this.checks.size();
	}

	/** The checks grouped by aspect, aspects in their order. */
	@JsonIgnore
	public Map<Aspect, List<ScorecardCheck>> byAspect() {
		Map<Aspect, List<ScorecardCheck>> grouped = new LinkedHashMap<>();
		for (Aspect aspect : Aspect.values()) {
			List<ScorecardCheck> ofAspect = this.checks.stream().filter(check -> check.aspect() == aspect).toList();
			if (!ofAspect.isEmpty()) {
				grouped.put(aspect, ofAspect);
			}
		}
		return grouped;
	}

	/** The summary row of this scorecard in a ranking. */
	public ScorecardSummary summary() {
		return new ScorecardSummary(this.service, this.team, this.tier, this.level, passed(), total());
	}

}
