package dev.steward.changes;

import dev.steward.common.Keyed;

/**
 * Where a change request stands: {@code draft} → {@code submitted} → {@code approved} →
 * {@code in-progress} → {@code completed} | {@code failed}, or {@code cancelled} before
 * it starts.
 */
public enum ChangeStatus implements Keyed {

	DRAFT, SUBMITTED, APPROVED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED

}
