package dev.steward.changes.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.steward.catalog.Membership;
import dev.steward.catalog.Role;
import dev.steward.changes.Change;
import dev.steward.changes.ChangeStatus;

/**
 * Which buttons a change's page offers the signed-in user: those of the actions that
 * {@link dev.steward.changes.Changes} would allow them now. Members of the owning or
 * implementing team move a change along; their leads (or an administrator) approve it,
 * each once.
 *
 * @param startsAt when an approved change may start, if that is still ahead
 */
record ChangeActions(boolean submit, boolean approve, boolean start, boolean complete, boolean fail, boolean cancel,
		Instant startsAt) {

	private static final Set<ChangeStatus> CANCELLABLE = Set.of(ChangeStatus.DRAFT, ChangeStatus.SUBMITTED,
			ChangeStatus.APPROVED);

	static ChangeActions of(Change change, String user, boolean admin, List<Membership> memberships, Instant now) {
		Set<String> teams = new HashSet<>(Arrays.asList(change.owner(), change.implementer()));
		boolean participant = admin || memberships.stream().anyMatch(membership -> teams.contains(membership.team()));
		boolean lead = admin || memberships.stream()
			.anyMatch(membership -> teams.contains(membership.team()) && membership.role() == Role.LEAD);
		boolean approvedByMe = change.approvals().stream().anyMatch(approval -> approval.approver().equals(user));
		ChangeStatus status = change.status();
		boolean inPlan = !now.isBefore(change.plannedStart()) && now.isBefore(change.plannedEnd());
		boolean ahead = now.isBefore(change.plannedStart());
		return new ChangeActions(participant && status == ChangeStatus.DRAFT && change.plannedEnd().isAfter(now),
				lead && status == ChangeStatus.SUBMITTED && !approvedByMe,
				participant && status == ChangeStatus.APPROVED && inPlan,
				participant && status == ChangeStatus.IN_PROGRESS, participant && status == ChangeStatus.IN_PROGRESS,
				participant && CANCELLABLE.contains(status),
				status == ChangeStatus.APPROVED && ahead ? change.plannedStart() : null);
	}

	/** Whether any button is offered. */
	public boolean any() {
		return this.submit || this.approve || this.start || this.complete || this.fail || this.cancel;
	}

}
