package dev.steward.deployments;

import java.util.List;

/**
 * Body of requesting a deployment; {@code nodes} default to the service's instance in the
 * environment, {@code emergency} passes a closed gate with a justification.
 */
public record DeploymentRequest(String service, String environment, String version, String commit, String commitTime,
		String strategy, Integer maxUnavailable, List<String> nodes, Emergency emergency) {

	/** Why a deployment must pass a closed gate, and the incident it answers, if any. */
	public record Emergency(String justification, Long incident) {
	}

}
