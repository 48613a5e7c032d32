package dev.steward.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.Tier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a service's monitoring must be reviewed, by tier
 * ({@code steward.monitoring.review-cadence.tier-1} … {@code tier-4}, defaults 30, 60, 90
 * and 90 days), and when a review falls due: a cadence after the last review, or after
 * the service was registered when it was never reviewed.
 */
@Component
class ReviewCadence {

	private final List<Duration> byTier;

	ReviewCadence(@Value("${steward.monitoring.review-cadence.tier-1:P30D}") Duration tier1,
			@Value("${steward.monitoring.review-cadence.tier-2:P60D}") Duration tier2,
			@Value("${steward.monitoring.review-cadence.tier-3:P90D}") Duration tier3,
			@Value("${steward.monitoring.review-cadence.tier-4:P90D}") Duration tier4) {
		this.byTier = List.of(tier1, tier2, tier3, tier4);
		for (int tier = Tier.HIGHEST; tier <= Tier.LOWEST; tier++) {
			if (!cadence(tier).isPositive()) {
				throw new IllegalStateException(
						"steward.monitoring.review-cadence.tier-" + tier + " must be a positive duration");
			}
		}
	}

	Duration cadence(int tier) {
		return this.byTier.get(tier - Tier.HIGHEST);
	}

	/**
	 * When the service's next review is due, or {@code null} for a retired service, which
	 * needs none.
	 */
	Instant due(ServiceEntry service, Instant lastReview) {
		if (service.lifecycle() == Lifecycle.RETIRED) {
			return null;
		}
		return (lastReview == null ? service.createdAt() : lastReview).plus(cadence(service.tier()));
	}

	/** A cadence as ISO 8601, in whole days where it is whole days ({@code P30D}). */
	static String text(Duration cadence) {
		return cadence.toSeconds() % 86_400 == 0 && cadence.toNanosPart() == 0 ? "P" + cadence.toDays() + "D"
				: cadence.toString();
	}

}
