package dev.steward.notifications.internal;

/**
 * A channel could not deliver; {@code permanent} when trying again cannot help (no mail
 * server configured, a webhook that refuses the request).
 */
public class DeliveryFailure extends Exception {

	private final boolean permanent;

	DeliveryFailure(String reason, boolean permanent) {
		super(reason, null, false, false);
		this.permanent = permanent;
	}

	public boolean permanent() {
		return this.permanent;
	}

}
