package dev.steward.apis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A version of an API with where it stands and, from its publication, the changes against
 * the version published before it ({@code comparedWith}). {@code spec} (the contract
 * document) is only present when one version is asked for; {@code specFormat} is
 * {@code json} or {@code yaml}.
 */
public record ApiVersion(String api, String version, int major, VersionStatus status, LocalDate sunset,
		boolean pastSunset, String specFormat, @JsonInclude(JsonInclude.Include.NON_NULL) String spec,
		String comparedWith, List<ContractChange> changes, Instant createdAt, Instant publishedAt, Instant deprecatedAt,
		Instant retiredAt) {

	/** This version without its contract document, for lists. */
	public ApiVersion withoutSpec() {
		return new ApiVersion(this.api, this.version, this.major, this.status, this.sunset, this.pastSunset,
				this.specFormat, null, this.comparedWith, this.changes, this.createdAt, this.publishedAt,
				this.deprecatedAt, this.retiredAt);
	}

}
