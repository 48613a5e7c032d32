package dev.steward.changes;

/**
 * Body of filing a change request; {@code implementer} (the team doing the work) defaults
 * to the owning team and {@code environment} to {@code production}.
 */
public record ChangeRequest(String service, String title, String category, String description, String risk,
		String implementer, String environment, String plannedStart, String plannedEnd, String rollbackPlan,
		Emergency emergency) {

	/**
	 * Why the change may go ahead in a closed gate, and the incident it answers, if any.
	 */
	public record Emergency(String justification, Long incident) {
	}

}
