package dev.steward.reporting.web;

import java.util.List;
import java.util.Map;

import dev.steward.common.Page;
import dev.steward.reporting.ScorecardEntry;
import dev.steward.reporting.ScorecardSummary;
import dev.steward.reporting.ScorecardTeam;
import dev.steward.reporting.AspectCompliance;
import dev.steward.reporting.Scorecards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of the STOSA scorecards: one service's checks and level, the ranking of
 * services, and the ranking of teams.
 */
@RestController
class ScorecardController {

	private static final String SCORECARDS = "/api/v1/scorecards";

	private final Scorecards scorecards;

	ScorecardController(Scorecards scorecards) {
		this.scorecards = scorecards;
	}

	@GetMapping(SCORECARDS + "/{service}")
	ScorecardEntry scorecard(@PathVariable String service) {
		return this.scorecards.scorecard(service);
	}

	@GetMapping(SCORECARDS)
	Page<ScorecardSummary> scorecards(@RequestParam(required = false) String team,
			@RequestParam(required = false) String level, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.scorecards.scorecards(team, level, limit, cursor);
	}

	@GetMapping(SCORECARDS + "/compliance")
	Map<String, List<AspectCompliance>> compliance() {
		return Map.of("items", this.scorecards.compliance());
	}

	@GetMapping(SCORECARDS + "/teams")
	Map<String, List<ScorecardTeam>> teams() {
		return Map.of("items", this.scorecards.teams());
	}

}
