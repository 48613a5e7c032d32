package dev.steward.catalog.web;

import java.util.List;
import java.util.Optional;

import dev.steward.common.ServicePagePart;
import dev.steward.common.Violation;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The STOSA violations banner of a service's page: each violation the service is part of,
 * on either side, with what it is and the APIs to use instead; nothing when there is
 * none.
 */
@Component
@Order(200)
class ViolationsOnServicePage implements ServicePagePart {

	private final StosaViolations violations;

	ViolationsOnServicePage(StosaViolations violations) {
		this.violations = violations;
	}

	@Override
	public Place place() {
		return Place.BANNER;
	}

	@Override
	public Optional<View> view(String service) {
		List<Violation> found = this.violations.involving(service);
		return found.isEmpty() ? Optional.empty()
				: Optional.of(new View("service-violations", new ServiceViolations(service, found)));
	}

	/** What the banner shows. */
	record ServiceViolations(String service, List<Violation> violations) {
	}

}
