package dev.steward.catalog.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.catalog.Directory;
import dev.steward.catalog.Role;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.TeamEntry;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.common.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Web pages of teams: the list, one page per team, and membership management for its
 * leads.
 */
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
	String team(@PathVariable String name, HttpServletRequest request, Model model) {
		TeamEntry team = this.directory.team(name);
		model.addAttribute("team", team);
		model.addAttribute("owned", this.catalog.ownedBy(name).stream().map(this.catalog::service).toList());
		model.addAttribute("delegated", this.catalog.handledBy(name));
		boolean canManage = request.isUserInRole("ADMIN") || this.directory.memberships(CurrentActor.name())
			.stream()
			.anyMatch(membership -> membership.team().equals(name) && membership.role() == Role.LEAD);
		model.addAttribute("canManage", canManage);
		if (canManage) {
			model.addAttribute("users", this.directory.users(Cursor.MAX_LIMIT, null).items());
		}
		return "team";
	}

	@Allow(value = Rule.TEAM_LEAD, resource = "team", from = "team")
	@PostMapping("/teams/{team}/members")
	String setMember(@PathVariable String team, @RequestParam String user, @RequestParam String role,
			RedirectAttributes redirect) {
		try {
			this.directory.setMember(team, user, role);
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("errors", ex.errors());
		}
		return "redirect:/teams/" + team;
	}

	@Allow(value = Rule.TEAM_LEAD, resource = "team", from = "team")
	@PostMapping("/teams/{team}/members/{user}/remove")
	String removeMember(@PathVariable String team, @PathVariable String user) {
		this.directory.removeMember(team, user);
		return "redirect:/teams/" + team;
	}

}
