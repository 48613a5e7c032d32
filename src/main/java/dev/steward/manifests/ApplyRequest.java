package dev.steward.manifests;

import java.util.List;

/**
 * A batch of documents to apply together: {@code dryRun} only plans, {@code prune}
 * deletes deployment windows, SLOs, APIs, datastores, services, products, escalation
 * policies, schedules, teams and environments that no document declares, and
 * {@code allowTransfer} lets a changed owner go through a recorded transfer.
 */
public record ApplyRequest(List<Manifest> documents, Boolean dryRun, Boolean prune, Boolean allowTransfer) {

	public boolean dryRunRequested() {
		return Boolean.TRUE.equals(this.dryRun);
	}

	public boolean pruneRequested() {
		return Boolean.TRUE.equals(this.prune);
	}

	public boolean transferAllowed() {
		return Boolean.TRUE.equals(this.allowTransfer);
	}

}
