package dev.steward.catalog.web;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.catalog.DelegatedAspect;
import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.TeamEntry;
import dev.steward.catalog.TeamRequest;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of teams and their membership. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

	private final Directory directory;

	private final ServiceCatalog catalog;

	private final JsonMapper json;

	TeamController(Directory directory, ServiceCatalog catalog, JsonMapper json) {
		this.directory = directory;
		this.catalog = catalog;
		this.json = json;
	}

	@Allow(Rule.ADMIN)
	@PostMapping
	ResponseEntity<TeamEntry> create(@RequestBody TeamRequest request) {
		TeamEntry team = this.directory.createTeam(request);
		return Responses.created("/api/v1/teams/" + team.name(), team, team.version());
	}

	@GetMapping
	Page<TeamEntry> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.directory.teams(limit, cursor);
	}

	@GetMapping("/{team}")
	ResponseEntity<TeamEntry> get(@PathVariable String team) {
		TeamEntry entry = this.directory.team(team);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_LEAD, resource = "team", from = "team")
	@PutMapping("/{team}")
	ResponseEntity<TeamEntry> put(@PathVariable String team, @RequestBody TeamRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		TeamEntry entry = this.directory.updateTeam(team, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_LEAD, resource = "team", from = "team")
	@PatchMapping(path = "/{team}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<TeamEntry> patch(@PathVariable String team, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		TeamRequest request = MergePatch.apply(this.json, TeamRequest.from(this.directory.team(team)), patch,
				TeamRequest.class);
		return put(team, request, ifMatch);
	}

	@Allow(Rule.ADMIN)
	@DeleteMapping("/{team}")
	ResponseEntity<Void> delete(@PathVariable String team,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.directory.deleteTeam(team, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@Allow(value = Rule.TEAM_LEAD, resource = "team", from = "team")
	@PutMapping("/{team}/members/{user}")
	ResponseEntity<TeamEntry.Member> setMember(@PathVariable String team, @PathVariable String user,
			@RequestBody RoleRequest request) {
		return Responses.upserted("/api/v1/teams/" + team + "/members/" + user,
				this.directory.setMember(team, user, request.role()));
	}

	@Allow(value = Rule.TEAM_LEAD, resource = "team", from = "team")
	@DeleteMapping("/{team}/members/{user}")
	ResponseEntity<Void> removeMember(@PathVariable String team, @PathVariable String user) {
		this.directory.removeMember(team, user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{team}/services")
	OwnedServices services(@PathVariable String team) {
		this.directory.team(team);
		return new OwnedServices(this.catalog.ownedBy(team), this.catalog.handledBy(team));
	}

	/** Body of setting a member's role. */
	record RoleRequest(String role) {
	}

	/** The services a team owns and the aspects it handles for other owners. */
	record OwnedServices(List<String> owned, List<DelegatedAspect> delegated) {
	}

}
