package dev.steward.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One row of a service's responsibility matrix: who handles the aspect and who is
 * accountable for it (always the owner).
 */
public record Responsibility(Aspect aspect, String handledBy, String accountable, DelegationStatus status) {

	@JsonIgnore
	public String label() {
		return this.aspect.label();
	}

	/** True when the owner relies on another team that has not accepted this aspect. */
	@JsonIgnore
	public boolean isGap() {
		return this.status == DelegationStatus.PENDING || this.status == DelegationStatus.DECLINED;
	}

}
