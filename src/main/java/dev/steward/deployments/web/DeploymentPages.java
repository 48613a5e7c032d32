package dev.steward.deployments.web;

import java.time.Clock;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Keyed;
import dev.steward.common.ReaderTimes;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.deployments.Deployment;
import dev.steward.deployments.DeploymentStatus;
import dev.steward.deployments.Deployments;
import dev.steward.environments.Environments;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deployment pages: the list, newest first, filtered by service, environment and
 * status; and one deployment with the gate's answer at its request, its nodes, checks and
 * history, and for members of the owning team the button that asks for its rollback.
 */
@WebPage
class DeploymentPages {

	/**
	 * The statuses from which a rollback may be asked for, as {@link Deployments} allows.
	 */
	static final Set<DeploymentStatus> ROLLBACK_FROM = Set.of(DeploymentStatus.IN_PROGRESS, DeploymentStatus.VERIFYING,
			DeploymentStatus.FAILED, DeploymentStatus.SUCCEEDED);

	private final Deployments deployments;

	private final Environments environments;

	private final ServiceCatalog services;

	private final Directory directory;

	private final Clock clock;

	DeploymentPages(Deployments deployments, Environments environments, ServiceCatalog services, Directory directory,
			Clock clock) {
		this.deployments = deployments;
		this.environments = environments;
		this.services = services;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/deployments")
	String list(@RequestParam(required = false) String service, @RequestParam(required = false) String environment,
			@RequestParam(required = false) String status, @RequestParam(required = false) String cursor, Model model) {
		Filter filter = new Filter(Text.blankToNull(service), Text.blankToNull(environment), Text.blankToNull(status));
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.deployments.deployments(filter.service(), filter.environment(), filter.status(),
				Cursor.DEFAULT_LIMIT, Text.blankToNull(cursor)));
		model.addAttribute("statuses", Keyed.keys(DeploymentStatus.class));
		model.addAttribute("environments", this.environments.all());
		model.addAttribute("times", times());
		return "deployments";
	}

	@GetMapping("/deployments/{id}")
	String deployment(@PathVariable long id, HttpServletRequest request, Model model) {
		Deployment deployment = this.deployments.deployment(id);
		model.addAttribute("deployment", deployment);
		model.addAttribute("progress", NodeProgress.of(deployment.nodes()));
		model.addAttribute("times", times());
		boolean member = mayAct(deployment.service(), request);
		Long supersededBy = this.deployments.supersededBy(id).orElse(null);
		model.addAttribute("member", member);
		model.addAttribute("supersededBy", supersededBy);
		model.addAttribute("canRollBack",
				member && supersededBy == null && ROLLBACK_FROM.contains(deployment.status()));
		return "deployment";
	}

	/**
	 * Whether the signed-in user may act on the service's deployments, as the rollback's
	 * rule allows: an admin or a member of the owning team.
	 */
	private boolean mayAct(String service, HttpServletRequest request) {
		if (request.isUserInRole("ADMIN")) {
			return true;
		}
		String owner = this.services.service(service).owner();
		return this.directory.memberships(CurrentActor.name())
			.stream()
			.anyMatch(membership -> membership.team().equals(owner));
	}

	private ReaderTimes times() {
		return ReaderTimes.of(this.directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				this.clock.instant());
	}

	/** The list's filters; {@code null} where a filter is not set. */
	record Filter(String service, String environment, String status) {
	}

}
