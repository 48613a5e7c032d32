package dev.steward.deployments.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Forbidden;
import dev.steward.common.FormRefusals;
import dev.steward.common.InvalidInput;
import dev.steward.common.StewardException;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.deployments.Deployment;
import dev.steward.deployments.Deployments;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deployment page's form that asks for a rollback; it answers with the deployment's
 * page again, where a refusal (not a member, or a deployment that cannot be rolled back
 * now) shows as a message.
 */
@WebPage
class DeploymentForms {

	private static final String BACK_TO_DEPLOYMENT = "redirect:/deployments/{id}";

	private final Deployments deployments;

	DeploymentForms(Deployments deployments) {
		this.deployments = deployments;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "deployment", from = "id")
	@PostMapping("/deployments/{id}/rollback")
	String rollback(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Deployment deployment = this.deployments.rollback(id, Text.blankToNull(reason));
		redirect.addFlashAttribute("notice", "Rollback of deployment #" + id + " requested"
				+ (deployment.rollbackTarget() == null ? "." : ": back to " + deployment.rollbackTarget() + "."));
		return BACK_TO_DEPLOYMENT;
	}

	/** Sends a refusal (the access rule's included) back to the deployment's page. */
	@ExceptionHandler({ Forbidden.class, Conflict.class, InvalidInput.class })
	String refused(StewardException ex, HttpServletRequest request) {
		FormRefusals.flash(ex, request);
		return BACK_TO_DEPLOYMENT;
	}

}
