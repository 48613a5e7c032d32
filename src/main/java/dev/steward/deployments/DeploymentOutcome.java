package dev.steward.deployments;

import java.time.Instant;

/**
 * How a deployment to a production environment turned out, for DORA figures: when it
 * first succeeded, when it first failed or began rolling back, and when a rollback
 * completed (each {@code null} when it did not happen).
 */
public record DeploymentOutcome(long id, String service, String environment, Instant commitTime, Instant succeededAt,
		Instant failedAt, Instant rolledBackAt) {

	/**
	 * When the deployment first succeeded or failed; {@code null} while it is under way.
	 */
	public Instant outcomeAt() {
		if (this.succeededAt == null || this.failedAt == null) {
			return this.succeededAt != null ? this.succeededAt : this.failedAt;
		}
		return this.succeededAt.isBefore(this.failedAt) ? this.succeededAt : this.failedAt;
	}

	public boolean failed() {
		return this.failedAt != null;
	}

}
