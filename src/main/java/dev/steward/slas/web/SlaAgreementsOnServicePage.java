package dev.steward.slas.web;

import java.util.List;
import java.util.Optional;

import dev.steward.common.ServicePagePart;
import dev.steward.slas.AgreementStatus;
import dev.steward.slas.SlaAgreement;
import dev.steward.slas.SlaAgreements;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The SLA agreements section of a service's page: its proposed and active agreements, as
 * provider or consumer, with a link to all of them.
 */
@Component
@Order(300)
class SlaAgreementsOnServicePage implements ServicePagePart {

	/** How many agreements of each status the section lists at most. */
	private static final int LIMIT = 20;

	private final SlaAgreements agreements;

	SlaAgreementsOnServicePage(SlaAgreements agreements) {
		this.agreements = agreements;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		List<SlaAgreement> open = List.of(AgreementStatus.ACTIVE, AgreementStatus.PROPOSED)
			.stream()
			.flatMap(status -> this.agreements.agreements(service, status.key(), LIMIT, null).items().stream())
			.toList();
		return Optional.of(new View("service-sla-agreements", new ServiceAgreements(service, open)));
	}

	/** What the section shows. */
	record ServiceAgreements(String service, List<SlaAgreement> agreements) {
	}

}
