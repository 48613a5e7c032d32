package dev.steward.slas.web;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.slas.AgreementRequest;
import dev.steward.slas.SlaAgreement;
import dev.steward.slas.SlaAgreements;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of SLA agreements between services. Two teams are involved, so the slas module
 * checks who may act: members of either owning team propose and withdraw, the other side
 * answers a proposal.
 */
@RestController
class SlaAgreementController {

	private static final String AGREEMENTS = "/api/v1/sla-agreements";

	private static final String AGREEMENT = AGREEMENTS + "/{id}";

	private final SlaAgreements agreements;

	SlaAgreementController(SlaAgreements agreements) {
		this.agreements = agreements;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(AGREEMENTS)
	ResponseEntity<SlaAgreement> propose(@RequestBody AgreementRequest request) {
		SlaAgreement agreement = this.agreements.propose(request);
		return Responses.created(AGREEMENTS + "/" + agreement.id(), agreement, agreement.revision());
	}

	@GetMapping(AGREEMENTS)
	Page<SlaAgreement> list(@RequestParam(required = false) String service,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.agreements.agreements(service, status, limit, cursor);
	}

	@GetMapping(AGREEMENT)
	ResponseEntity<SlaAgreement> get(@PathVariable long id) {
		return answer(this.agreements.agreement(id));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(AGREEMENT + "/accept")
	ResponseEntity<SlaAgreement> accept(@PathVariable long id) {
		return answer(this.agreements.accept(id));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(AGREEMENT + "/counter")
	ResponseEntity<SlaAgreement> counter(@PathVariable long id, @RequestBody AgreementRequest.Counter request) {
		return answer(this.agreements.counter(id, request));
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(AGREEMENT + "/withdraw")
	ResponseEntity<SlaAgreement> withdraw(@PathVariable long id, @RequestBody(required = false) Note note) {
		return answer(this.agreements.withdraw(id, note == null ? null : note.note()));
	}

	private static ResponseEntity<SlaAgreement> answer(SlaAgreement agreement) {
		return Responses.ok(agreement, agreement.revision());
	}

	/** Optional body of withdrawing an agreement: why. */
	record Note(String note) {
	}

}
