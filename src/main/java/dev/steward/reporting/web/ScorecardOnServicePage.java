package dev.steward.reporting.web;

import java.util.Optional;

import dev.steward.common.ServicePagePart;
import dev.steward.reporting.Scorecards;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Scorecard section of a service's page: the STOSA level the service reaches and its
 * checks grouped by aspect, each passed or failed with what was found.
 */
@Component
@Order(900)
class ScorecardOnServicePage implements ServicePagePart {

	private final Scorecards scorecards;

	ScorecardOnServicePage(Scorecards scorecards) {
		this.scorecards = scorecards;
	}

	@Override
	public Place place() {
		return Place.SECTION;
	}

	@Override
	public Optional<View> view(String service) {
		return Optional.of(new View("service-scorecard", this.scorecards.scorecard(service)));
	}

}
