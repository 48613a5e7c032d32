package dev.steward.slas;

import java.util.List;

/**
 * Body of proposing an SLA agreement: the provider and consumer services and the
 * objectives; {@code side} says which side the caller proposes for, needed only when they
 * could speak for both (an administrator, or a member of both owning teams), and
 * otherwise the side whose owning team they belong to (an administrator of neither: the
 * consumer).
 */
public record AgreementRequest(String provider, String consumer, String side, List<Objective> objectives) {

	/**
	 * One objective: the indicator ({@code availability}, {@code latency} or
	 * {@code ratio}), the objective in percent (0 < objective < 100) and the rolling
	 * window (ISO-8601, {@code P1D} to {@code P90D}).
	 */
	public record Objective(String indicator, Double objective, String window) {
	}

	/** Body of countering a proposal: the objectives of the new version. */
	public record Counter(List<Objective> objectives) {
	}

}
