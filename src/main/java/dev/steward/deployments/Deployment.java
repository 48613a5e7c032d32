package dev.steward.deployments;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.steward.deployments.DeploymentRequest.Emergency;
import dev.steward.deployments.VerificationRequest.Check;
import dev.steward.windows.GateDecision;

/**
 * A deployment of one version of a service to one environment, with the gate's answer at
 * request time, the version a rollback returns to, node progress and its history.
 */
public record Deployment(long id, String service, String environment, String version, String commit, Instant commitTime,
		DeploymentStrategy strategy, int maxUnavailable, DeploymentStatus status, GateDecision gate,
		String rollbackTarget, Emergency emergency, List<Node> nodes, List<Check> checks, String failureReason,
		String rollbackReason, String requestedBy, Instant requestedAt, Instant finishedAt, List<Step> history,
		@JsonIgnore long revision) {

	/** One node and how far the deployment got on it. */
	public record Node(String name, NodeStatus status, Instant updatedAt) {
	}

	/** One transition: when, into which status, by whom, and why. */
	public record Step(Instant at, DeploymentStatus status, String actor, String detail) {
	}

}
