package dev.steward.monitoring.web;

import java.time.Clock;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.ReaderTimes;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.monitoring.MonitoringReviews;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of overdue monitoring reviews across the organization, longest overdue first,
 * optionally of one owning team.
 */
@WebPage
class OverduePages {

	private final MonitoringReviews reviews;

	private final Directory directory;

	private final Clock clock;

	OverduePages(MonitoringReviews reviews, Directory directory, Clock clock) {
		this.reviews = reviews;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/monitoring/overdue")
	String overdue(@RequestParam(required = false) String owner, Model model) {
		String team = Text.blankToNull(owner);
		model.addAttribute("owner", team);
		model.addAttribute("overdue", this.reviews.overdue(team));
		model.addAttribute("teams", this.directory.allTeams());
		model.addAttribute("cadence", CadenceWords.INSTANCE);
		model.addAttribute("times",
				ReaderTimes.of(this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
						this.clock.instant()));
		return "monitoring-overdue";
	}

}
