package dev.steward.changes.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.changes.Change;
import dev.steward.changes.ChangeStatus;
import dev.steward.changes.Changes;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Forbidden;
import dev.steward.common.FormRefusals;
import dev.steward.common.InvalidInput;
import dev.steward.common.StewardException;
import dev.steward.common.WebPage;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The change page's buttons: submit, approve, start, complete, fail and cancel. As in the
 * API, the changes module decides who may (two teams can be involved); each answers with
 * the change's page again, where a refusal shows as a message.
 */
@WebPage
class ChangeForms {

	private static final String BACK_TO_CHANGE = "redirect:/changes/{id}";

	private final Changes changes;

	ChangeForms(Changes changes) {
		this.changes = changes;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/changes/{id}/submit")
	String submit(@PathVariable long id, RedirectAttributes redirect) {
		this.changes.submit(id);
		redirect.addFlashAttribute("notice", "Change #" + id + " is submitted for approval.");
		return BACK_TO_CHANGE;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/changes/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		Change change = this.changes.approve(id);
		redirect.addFlashAttribute("notice",
				change.status() == ChangeStatus.APPROVED ? "You approved change #" + id + "; it is approved."
						: "You approved change #" + id + "; it still needs "
								+ String.join(" and ", change.approvalsNeeded()) + ".");
		return BACK_TO_CHANGE;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/changes/{id}/start")
	String start(@PathVariable long id, RedirectAttributes redirect) {
		this.changes.start(id);
		redirect.addFlashAttribute("notice", "Change #" + id + " is in progress.");
		return BACK_TO_CHANGE;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/changes/{id}/complete")
	String complete(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.changes.complete(id, note);
		redirect.addFlashAttribute("notice", "Change #" + id + " is completed.");
		return BACK_TO_CHANGE;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/changes/{id}/fail")
	String fail(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.changes.fail(id, note);
		redirect.addFlashAttribute("notice", "Change #" + id + " is marked failed.");
		return BACK_TO_CHANGE;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/changes/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.changes.cancel(id, note);
		redirect.addFlashAttribute("notice", "Change #" + id + " is cancelled.");
		return BACK_TO_CHANGE;
	}

	/** Sends a refusal back to the change's page as messages. */
	@ExceptionHandler({ Forbidden.class, Conflict.class, InvalidInput.class })
	String refused(StewardException ex, HttpServletRequest request) {
		FormRefusals.flash(ex, request);
		return BACK_TO_CHANGE;
	}

}
