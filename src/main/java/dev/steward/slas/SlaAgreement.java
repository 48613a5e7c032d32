package dev.steward.slas;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An SLA agreement between a provider and a consumer service: the version under
 * negotiation or in force with its objectives and who proposed it; when read one by one,
 * also its history, how each objective stands now against the provider's SLI data, and
 * its breach episodes.
 *
 * @param providerTeam the team owning the provider service
 * @param consumerTeam the team owning the consumer service
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlaAgreement(long id, String provider, String consumer, String providerTeam, String consumerTeam,
		AgreementStatus status, int version, Proposer proposedBy, List<Objective> objectives, Instant createdAt,
		Instant acceptedAt, String acceptedBy, List<Step> history, List<Evaluation> evaluation, List<Breach> breaches,
		@JsonIgnore long revision) {

	/** The side that proposed the current version, and who for it. */
	public record Proposer(AgreementSide side, String user) {
	}

	/** One objective of a version. */
	public record Objective(SloIndicator indicator, double objective, String window) {
	}

	/**
	 * One step of the history: {@code proposed}, {@code countered} (both with the
	 * objectives of the version they made), {@code accepted}, {@code withdrawn} or
	 * {@code superseded}.
	 */
	public record Step(int version, String action, AgreementSide side, String actor, Instant at, String note,
			List<Objective> objectives) {
	}

	/**
	 * How an objective of an active agreement stands now: {@code met} or {@code breached}
	 * by the SLI of the provider's SLO ({@code slo}) over the objective's window, or
	 * {@code unmeasured} when the provider has no SLO of that indicator or no events in
	 * the window.
	 */
	public record Evaluation(SloIndicator indicator, double objective, String window, String status, String slo,
			Double sli, long goodEvents, long totalEvents) {

		public boolean breached() {
			return BREACHED.equals(this.status);
		}

		public static final String MET = "met";

		public static final String BREACHED = "breached";

		public static final String UNMEASURED = "unmeasured";

	}

	/**
	 * One breach episode of objective number {@code objective} (from 0): the SLI when it
	 * started and the lowest while it lasted; {@code endedAt} is null while it lasts.
	 */
	public record Breach(int objective, SloIndicator indicator, double target, String window, Instant startedAt,
			Instant endedAt, double sli, double worstSli) {
	}

}
