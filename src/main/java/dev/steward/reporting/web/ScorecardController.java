package dev.steward.reporting.web;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Page;
import dev.steward.reporting.ScorecardEntry;
import dev.steward.reporting.ScorecardSummary;
import dev.steward.reporting.ScorecardTeam;
import dev.steward.reporting.AspectCompliance;
import dev.steward.reporting.Scorecards;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of the STOSA scorecards: one service's checks and level, the ranking of
 * services, the ranking of teams, and the compliance per aspect (also as CSV).
 */
@RestController
class ScorecardController {

	private static final String SCORECARDS = "/api/v1/scorecards";

	private final Scorecards scorecards;

	private final JsonMapper json;

	ScorecardController(Scorecards scorecards, JsonMapper json) {
		this.scorecards = scorecards;
		this.json = json;
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

	@GetMapping(path = SCORECARDS + "/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, List<AspectCompliance>> compliance() {
		return Map.of("items", this.scorecards.compliance());
	}

	@GetMapping(path = SCORECARDS + "/compliance", produces = ReportsController.CSV)
	String complianceCsv() {
		return ReportCsv.rows(this.scorecards.compliance(), this.json);
	}

	@GetMapping(SCORECARDS + "/teams")
	Map<String, List<ScorecardTeam>> teams() {
		return Map.of("items", this.scorecards.teams());
	}

}
