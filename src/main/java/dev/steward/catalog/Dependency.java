package dev.steward.catalog;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A consumer's dependency on a provider; {@code tierInversion} flags a hard dependency of
 * a tier-1/2 service on a tier-3/4 one.
 */
public record Dependency(String consumer, String provider, Criticality criticality, String note, int consumerTier,
		int providerTier, Instant createdAt) {

	@JsonProperty
	public boolean tierInversion() {
		return Tier.isInversion(this.consumerTier, this.providerTier, this.criticality);
	}

}
