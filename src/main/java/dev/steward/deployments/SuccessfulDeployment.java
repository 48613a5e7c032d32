package dev.steward.deployments;

import java.time.Instant;

/**
 * The latest deployment of a service that succeeded in one environment: the version it
 * put in place, the version a rollback would return to ({@code null} for a first
 * deployment) and when it finished.
 */
public record SuccessfulDeployment(long id, String service, String environment, String version, String rollbackTarget,
		Instant finishedAt) {
}
