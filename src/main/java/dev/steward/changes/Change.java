package dev.steward.changes;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.steward.changes.ChangeRequest.Emergency;
import dev.steward.windows.GateDecision;

/**
 * A production infrastructure change: what, how risky, who implements it, when it is
 * planned, how to roll it back, its approvals and what the gate said about its interval;
 * {@code approvalsNeeded} names the approvals still missing.
 */
public record Change(long id, String service, String owner, String title, ChangeCategory category, String description,
		ChangeRisk risk, String implementer, String environment, Instant plannedStart, Instant plannedEnd,
		String rollbackPlan, Emergency emergency, ChangeStatus status, GateDecision gate, List<Approval> approvals,
		List<String> approvalsNeeded, String outcome, String createdBy, Instant createdAt, Instant startedAt,
		Instant finishedAt, List<Step> history, @JsonIgnore long revision) {

	/** One approval: who, for which side (owner, implementer or admin), and when. */
	public record Approval(String approver, String side, Instant at) {
	}

	/** One transition: when, into which status, by whom, and why. */
	public record Step(Instant at, ChangeStatus status, String actor, String detail) {
	}

}
