package dev.steward.reporting;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The thresholds of the scorecard checks ({@code steward.scorecards.*}); services of tier
 * {@code strict-up-to-tier} (default 2) or a lower tier number get the stricter ones.
 */
@Component
class ScorecardThresholds {

	private final int strictUpToTier;

	private final int teamSize;

	private final Duration coverageHorizon;

	private final Duration strictCoverageHorizon;

	private final Duration deploymentAge;

	private final Duration strictDeploymentAge;

	private final Duration changeLookback;

	ScorecardThresholds(@Value("${steward.scorecards.strict-up-to-tier:2}") int strictUpToTier,
			@Value("${steward.scorecards.team-size:3}") int teamSize,
			@Value("${steward.scorecards.coverage-horizon:P14D}") Duration coverageHorizon,
			@Value("${steward.scorecards.strict.coverage-horizon:P28D}") Duration strictCoverageHorizon,
			@Value("${steward.scorecards.deployment-age:P30D}") Duration deploymentAge,
			@Value("${steward.scorecards.strict.deployment-age:P14D}") Duration strictDeploymentAge,
			@Value("${steward.scorecards.change-lookback:P90D}") Duration changeLookback) {
		require(teamSize > 0, "steward.scorecards.team-size must be positive");
		require(coverageHorizon.isPositive() && strictCoverageHorizon.isPositive(),
				"steward.scorecards coverage horizons must be positive");
		require(deploymentAge.isPositive() && strictDeploymentAge.isPositive(),
				"steward.scorecards deployment ages must be positive");
		require(changeLookback.isPositive(), "steward.scorecards.change-lookback must be positive");
		this.strictUpToTier = strictUpToTier;
		this.teamSize = teamSize;
		this.coverageHorizon = coverageHorizon;
		this.strictCoverageHorizon = strictCoverageHorizon;
		this.deploymentAge = deploymentAge;
		this.strictDeploymentAge = strictDeploymentAge;
		this.changeLookback = changeLookback;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	/** Whether a service of the tier gets the stricter thresholds. */
	boolean strict(int tier) {
		return tier <= this.strictUpToTier;
	}

	int teamSize() {
		return this.teamSize;
	}

	/** How far ahead the on-call coverage of a service of the tier must have no gap. */
	Duration coverageHorizon(int tier) {
		return strict(tier) ? this.strictCoverageHorizon : this.coverageHorizon;
	}

	/** How long ago the latest successful production deployment may have finished. */
	Duration deploymentAge(int tier) {
		return strict(tier) ? this.strictDeploymentAge : this.deploymentAge;
	}

	/** How far back the changes whose approval is checked reach. */
	Duration changeLookback() {
		return this.changeLookback;
	}

}
