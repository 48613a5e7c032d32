package dev.steward.slas.web;

import java.util.List;
import java.util.Optional;

import dev.steward.common.ServicePagePart;
import dev.steward.slas.Slos;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The SLOs section of a service's page: each SLO with what it counts, its objective,
 * window, SLI, the error budget left and its alert, linking to the SLO's own page.
 */
@Component
@Order(50)
class SlosOnServicePage implements ServicePagePart {

	private final Slos slos;

	SlosOnServicePage(Slos slos) {
		this.slos = slos;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		List<SloSummary> summaries = this.slos.slos(service)
			.stream()
			.map(slo -> new SloSummary(this.slos.status(service, slo.name())))
			.toList();
		return Optional.of(new View("service-slos", new ServiceSlos(service, summaries)));
	}

	/** What the section shows. */
	record ServiceSlos(String service, List<SloSummary> slos) {
	}

}
