package dev.steward.reporting.web;

import java.util.Optional;

import dev.steward.common.ServicePagePart;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Reports section of a service's page: links to the service's report and to the
 * health of the services it depends on, over the last 30 days.
 */
@Component
@Order(900)
class ReportPagesServicePart implements ServicePagePart {

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		return Optional.of(new View("report-service-part", service));
	}

}
