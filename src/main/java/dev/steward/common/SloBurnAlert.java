package dev.steward.common;

import java.time.Instant;

/**
 * Published when a service level objective of a service starts or stops burning its error
 * budget too fast: {@code severity} is {@code page} (fast burn) or {@code ticket} (slow
 * burn), {@code firing} false on recovery. Deployments listen for it to fail a deployment
 * under verification and ask for its rollback.
 */
public record SloBurnAlert(String service, String slo, String severity, boolean firing, double burnRate, Instant at) {

	public static final String PAGE = "page";

	public static final String TICKET = "ticket";

	public boolean pageFiring() {
		return this.firing && PAGE.equals(this.severity);
	}

}
