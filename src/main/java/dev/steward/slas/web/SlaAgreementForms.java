package dev.steward.slas.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Forbidden;
import dev.steward.common.FormRefusals;
import dev.steward.common.InvalidInput;
import dev.steward.common.NotFound;
import dev.steward.common.StewardException;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.slas.AgreementRequest;
import dev.steward.slas.SlaAgreement;
import dev.steward.slas.SlaAgreements;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA agreement forms: propose, accept, counter and withdraw. As in the API, the slas
 * module decides who may; a refusal goes back to the page it came from as messages.
 * Objectives arrive as parallel {@code indicator}, {@code objective} and {@code window}
 * fields, one per row; an all-blank row is skipped.
 */
@WebPage
class SlaAgreementForms {

	private static final String BACK_TO_AGREEMENT = "redirect:/sla-agreements/{id}";

	private final SlaAgreements agreements;

	SlaAgreementForms(SlaAgreements agreements) {
		this.agreements = agreements;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/sla-agreements")
	String propose(@RequestParam(required = false) String provider, @RequestParam(required = false) String consumer,
			HttpServletRequest request, RedirectAttributes redirect) {
		SlaAgreement agreement = this.agreements.propose(new AgreementRequest(Text.blankToNull(provider),
				Text.blankToNull(consumer), null, objectives(request)));
		redirect.addFlashAttribute("notice", "Agreement #" + agreement.id() + " is proposed to the "
				+ agreement.proposedBy().side().other().key() + " side.");
		return "redirect:/sla-agreements/" + agreement.id();
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/sla-agreements/{id}/accept")
	String accept(@PathVariable long id, RedirectAttributes redirect) {
		this.agreements.accept(id);
		redirect.addFlashAttribute("notice", "Agreement #" + id + " is active.");
		return BACK_TO_AGREEMENT;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/sla-agreements/{id}/counter")
	String counter(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		SlaAgreement agreement = this.agreements.counter(id, new AgreementRequest.Counter(objectives(request)));
		redirect.addFlashAttribute("notice", "You proposed version " + agreement.version() + " of agreement #" + id
				+ " to the " + agreement.proposedBy().side().other().key() + " side.");
		return BACK_TO_AGREEMENT;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/sla-agreements/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.agreements.withdraw(id, Text.blankToNull(note));
		redirect.addFlashAttribute("notice", "Agreement #" + id + " is withdrawn.");
		return BACK_TO_AGREEMENT;
	}

	/** Sends a refusal back to the page the form was on, as messages. */
	@ExceptionHandler({ Forbidden.class, Conflict.class, InvalidInput.class, NotFound.class })
	String refused(StewardException ex, HttpServletRequest request) {
		FormRefusals.flash(ex, request);
		return request.getRequestURI().endsWith("/sla-agreements") ? "redirect:/sla-agreements" : BACK_TO_AGREEMENT;
	}

	/** The objectives of the form's rows, all-blank rows left out. */
	private static List<AgreementRequest.Objective> objectives(HttpServletRequest request) {
		String[] indicators = values(request, "indicator");
		String[] objectives = values(request, "objective");
		String[] windows = values(request, "window");
		int rows = Math.max(indicators.length, Math.max(objectives.length, windows.length));
		List<AgreementRequest.Objective> filled = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			String indicator = Text.blankToNull(at(indicators, i));
			String objective = Text.blankToNull(at(objectives, i));
			String window = Text.blankToNull(at(windows, i));
			if (indicator == null && objective == null && window == null) {
				continue;
			}
			filled.add(new AgreementRequest.Objective(indicator, number(objective, filled.size()), window));
		}
		return filled;
	}

	private static Double number(String text, int row) {
		if (text == null) {
			return null;
		}
		try {
			return Double.valueOf(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.field("objectives[" + row + "].objective", "must be a number such as 99.9");
		}
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String at(String[] values, int index) {
		return index < values.length ? values[index] : null;
	}

}
