package dev.steward.incidents.web;

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
import dev.steward.incidents.Incidents;
import dev.steward.incidents.ReassignRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident page's forms: acknowledge, resolve, reassign, add a note. Each answers
 * with the incident page again (without its acknowledge prompt); a refusal — not a member
 * of the owning team, already acknowledged or resolved, an empty note — shows there as a
 * message.
 */
@WebPage
class IncidentForms {

	private static final String BACK_TO_INCIDENT = "redirect:/incidents/{number}";

	private final Incidents incidents;

	IncidentForms(Incidents incidents) {
		this.incidents = incidents;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/incidents/{number}/acknowledge")
	String acknowledge(@PathVariable long number, RedirectAttributes redirect) {
		this.incidents.acknowledge(number);
		redirect.addFlashAttribute("notice", "You acknowledged incident #" + number + "; paging has stopped.");
		return BACK_TO_INCIDENT;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/incidents/{number}/resolve")
	String resolve(@PathVariable long number, RedirectAttributes redirect) {
		this.incidents.resolve(number);
		redirect.addFlashAttribute("notice", "You resolved incident #" + number + ".");
		return BACK_TO_INCIDENT;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/incidents/{number}/notes")
	String note(@PathVariable long number, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		this.incidents.note(number, text);
		redirect.addFlashAttribute("notice", "Note added.");
		return BACK_TO_INCIDENT;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "incident", from = "number")
	@PostMapping("/incidents/{number}/reassign")
	String reassign(@PathVariable long number, @RequestParam(required = false) String user,
			RedirectAttributes redirect) {
		this.incidents.reassign(number, new ReassignRequest(Text.blankToNull(user), null));
		redirect.addFlashAttribute("notice",
				"Incident #" + number + " is reassigned to " + user + ", who is paged now.");
		return BACK_TO_INCIDENT;
	}

	/** Sends a refusal (the access rule's included) back to the incident page. */
	@ExceptionHandler({ Forbidden.class, Conflict.class, InvalidInput.class })
	String refused(StewardException ex, HttpServletRequest request) {
		FormRefusals.flash(ex, request);
		return BACK_TO_INCIDENT;
	}

}
