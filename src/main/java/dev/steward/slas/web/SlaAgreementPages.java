package dev.steward.slas.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Keyed;
import dev.steward.common.ReaderTimes;
import dev.steward.common.Text;
import dev.steward.common.WebPage;
import dev.steward.slas.AgreementStatus;
import dev.steward.slas.SlaAgreement;
import dev.steward.slas.SlaAgreements;
import dev.steward.slas.SloIndicator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The SLA agreement pages: the list, newest first, filtered by service (on either side)
 * and status, with a form to propose one; and one agreement with its objectives, how they
 * stand now, its breaches, its history and the buttons of the actions open to the
 * signed-in user (accept, counter with new objectives, withdraw).
 */
@WebPage
class SlaAgreementPages {

	/** How many objective rows the forms offer beyond those already set. */
	static final int SPARE_ROWS = 2;

	private final SlaAgreements agreements;

	private final Directory directory;

	private final Clock clock;

	SlaAgreementPages(SlaAgreements agreements, Directory directory, Clock clock) {
		this.agreements = agreements;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/sla-agreements")
	String list(@RequestParam(required = false) String service, @RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor, Model model) {
		Filter filter = new Filter(Text.blankToNull(service), Text.blankToNull(status));
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.agreements.agreements(filter.service(), filter.status(), Cursor.DEFAULT_LIMIT,
				Text.blankToNull(cursor)));
		model.addAttribute("statuses", Keyed.keys(AgreementStatus.class));
		model.addAttribute("indicators", Keyed.keys(SloIndicator.class));
		model.addAttribute("rows", rows(List.of()));
		model.addAttribute("times", times(this.directory, this.clock));
		return "sla-agreements";
	}

	@GetMapping("/sla-agreements/{id}")
	String agreement(@PathVariable long id, Model model) {
		SlaAgreement agreement = this.agreements.agreement(id);
		model.addAttribute("agreement", agreement);
		model.addAttribute("actions", this.agreements.actions(agreement));
		model.addAttribute("indicators", Keyed.keys(SloIndicator.class));
		model.addAttribute("rows", rows(agreement.objectives()));
		model.addAttribute("times", times(this.directory, this.clock));
		return "sla-agreement";
	}

	/** The rows of an objectives form: the given objectives, then empty ones. */
	static List<SlaAgreement.Objective> rows(List<SlaAgreement.Objective> objectives) {
		List<SlaAgreement.Objective> rows = new ArrayList<>(objectives);
		for (int i = 0; i < SPARE_ROWS; i++) {
			rows.add(null);
		}
		return rows;
	}

	/** Times as the signed-in user reads them: in their own zone, or in UTC. */
	static ReaderTimes times(Directory directory, Clock clock) {
		return ReaderTimes.of(directory.findUser(CurrentActor.name()).map(UserEntry::timeZone).orElse(null),
				clock.instant());
	}

	/** The list's filters; {@code null} where a filter is not set. */
	record Filter(String service, String status) {
	}

}
