package dev.steward.slas;

/**
 * What the signed-in user may do with an SLA agreement now: accept or counter the
 * proposal (the side that did not propose it), or withdraw it (either side).
 */
public record AgreementActions(boolean accept, boolean counter, boolean withdraw) {

	/** Whether any action is open. */
	public boolean any() {
		return this.accept || this.counter || this.withdraw;
	}

}
