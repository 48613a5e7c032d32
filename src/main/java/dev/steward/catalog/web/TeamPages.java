package dev.steward.catalog.web;

import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.TeamEntry;
import dev.steward.common.Cursor;
import dev.steward.common.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Web pages of teams: the list and one page per team with its members and services. */
@WebPage
class TeamPages {

	private final Directory directory;

	private final ServiceCatalog catalog;

	TeamPages(Directory directory, ServiceCatalog catalog) {
		this.directory = directory;
		this.catalog = catalog;
	}

	@GetMapping("/teams")
	String list(@RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("page", this.directory.teams(Cursor.DEFAULT_LIMIT, cursor));
		return "teams";
	}

	@GetMapping("/teams/{name}")
	String team(@PathVariable String name, Model model) {
		TeamEntry team = this.directory.team(name);
		model.addAttribute("team", team);
		model.addAttribute("owned", this.catalog.ownedBy(name).stream().map(this.catalog::service).toList());
		model.addAttribute("delegated", this.catalog.handledBy(name));
		return "team";
	}

}
