package dev.steward.reporting.web;

import java.util.List;

import dev.steward.catalog.Directory;
import dev.steward.common.Keyed;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.reporting.ScorecardEntry;
import dev.steward.reporting.ScorecardLevel;
import dev.steward.reporting.Scorecards;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scorecards page: services ranked by level and checks passed (optionally of one team
 * or one level) and teams ranked by their share of services at silver or above.
 */
@WebPage
class ScorecardPages {

	private final Scorecards scorecards;

	private final Directory directory;

	ScorecardPages(Scorecards scorecards, Directory directory) {
		this.scorecards = scorecards;
		this.directory = directory;
	}

	@GetMapping("/scorecards")
	String scorecards(@RequestParam(required = false) String team, @RequestParam(required = false) String level,
			Model model) {
		String onlyTeam = Text.blankToNull(team);
		ScorecardLevel onlyLevel = level == null ? null : Keyed.fromKey(ScorecardLevel.class, level).orElse(null);
		List<ScorecardEntry> ranking = this.scorecards.ranking();
		model.addAttribute("team", onlyTeam);
		model.addAttribute("level", onlyLevel == null ? null : onlyLevel.key());
		model.addAttribute("levels", Scorecards.levels());
		model.addAttribute("teams", this.directory.allTeams());
		model.addAttribute("services",
				ranking.stream()
					.filter(entry -> onlyTeam == null || onlyTeam.equals(entry.team()))
					.filter(entry -> onlyLevel == null || entry.level() == onlyLevel)
					.map(ScorecardEntry::summary)
					.toList());
		model.addAttribute("teamRanking", Scorecards.teams(ranking));
		return "scorecards";
	}

}
