package dev.steward.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.steward.changes.ChangeStatus;
import dev.steward.incidents.Urgency;

/**
 * The raw figures of one service, team, group or week while a report is gathered: sums
 * and counts for means, every single duration for medians, so that tallies merge into
 * roll-ups without losing precision.
 */
final class ReportTally {

	private int incidents;

	private int high;

	private long acknowledgeMillis;

	private int acknowledged;

	private long resolveMillis;

	private int resolved;

	private int responseSlaBreaches;

	private int postmortemsOverdue;

	private int deployments;

	private int failedDeployments;

	private final List<Long> leadTimesMillis = new ArrayList<>();

	private final List<Long> recoveriesMillis = new ArrayList<>();

	private final Map<ChangeStatus, Integer> changes = new EnumMap<>(ChangeStatus.class);

	private int emergencyOverrides;

	private final Map<String, OnCallLoad> pagesByUser = new TreeMap<>();

	void incident(Urgency urgency, Duration toAcknowledge, Duration toResolve, boolean breached) {
		this.incidents++;
		this.high += urgency == Urgency.HIGH ? 1 : 0;
		if (toAcknowledge != null) {
			this.acknowledgeMillis += toAcknowledge.toMillis();
			this.acknowledged++;
		}
		if (toResolve != null) {
			this.resolveMillis += toResolve.toMillis();
			this.resolved++;
		}
		this.responseSlaBreaches += breached ? 1 : 0;
	}

	void postmortemsOverdue(int count) {
		this.postmortemsOverdue += count;
	}

	void deployment(boolean failed, Duration leadTime, Duration recovery) {
		this.deployments++;
		this.failedDeployments += failed ? 1 : 0;
		if (leadTime != null) {
			this.leadTimesMillis.add(leadTime.toMillis());
		}
		if (recovery != null) {
			this.recoveriesMillis.add(recovery.toMillis());
		}
	}

	void changes(ChangeStatus status, int count) {
		this.changes.merge(status, count, Integer::sum);
	}

	void emergencyOverrides(int count) {
		this.emergencyOverrides += count;
	}

	void page(String user, boolean outsideHours) {
		this.pagesByUser.merge(user, new OnCallLoad(1, outsideHours ? 1 : 0), OnCallLoad::plus);
	}

	/** Adds everything {@code other} holds to this tally. */
	ReportTally add(ReportTally other) {
		this.incidents += other.incidents;
		this.high += other.high;
		this.acknowledgeMillis += other.acknowledgeMillis;
		this.acknowledged += other.acknowledged;
		this.resolveMillis += other.resolveMillis;
		this.resolved += other.resolved;
		this.responseSlaBreaches += other.responseSlaBreaches;
		this.postmortemsOverdue += other.postmortemsOverdue;
		this.deployments += other.deployments;
		this.failedDeployments += other.failedDeployments;
		this.leadTimesMillis.addAll(other.leadTimesMillis);
		this.recoveriesMillis.addAll(other.recoveriesMillis);
		other.changes.forEach(this::changes);
		this.emergencyOverrides += other.emergencyOverrides;
		other.pagesByUser.forEach((user, load) -> this.pagesByUser.merge(user, load, OnCallLoad::plus));
		return this;
	}

	IncidentFigures incidentFigures() {
		return new IncidentFigures(this.incidents, this.high, this.incidents - this.high,
				meanSeconds(this.acknowledgeMillis, this.acknowledged), meanSeconds(this.resolveMillis, this.resolved),
				this.responseSlaBreaches, this.postmortemsOverdue);
	}

	DoraFigures doraFigures(ReportPeriod period) {
		double perWeek = this.deployments / period.weeks();
		Long leadTime = medianSeconds(this.leadTimesMillis);
		Double failureRate = this.deployments == 0 ? null : (double) this.failedDeployments / this.deployments;
		Long recovery = medianSeconds(this.recoveriesMillis);
		return new DoraFigures(this.deployments, perWeek, leadTime, failureRate, recovery,
				new DoraFigures.Bands(DoraBand.ofDeploymentFrequency(perWeek), DoraBand.ofLeadTime(leadTime),
						DoraBand.ofChangeFailureRate(failureRate), DoraBand.ofRecoveryTime(recovery)));
	}

	/** Change requests by status, every status present (zero when none). */
	Map<String, Integer> changesByStatus() {
		Map<String, Integer> byStatus = new LinkedHashMap<>();
		for (ChangeStatus status : ChangeStatus.values()) {
			byStatus.put(status.key(), this.changes.getOrDefault(status, 0));
		}
		return byStatus;
	}

	int emergencyOverrides() {
		return this.emergencyOverrides;
	}

	OnCallLoad onCall() {
		return this.pagesByUser.values().stream().reduce(new OnCallLoad(0, 0), OnCallLoad::plus);
	}

	/** Pages per paged user, by user name. */
	Map<String, OnCallLoad> pagesByUser() {
		return this.pagesByUser;
	}

	/** A mean of milliseconds in whole seconds, rounded half up; null over nothing. */
	static Long meanSeconds(long totalMillis, int count) {
		return count == 0 ? null : Math.round(totalMillis / (double) count / 1000);
	}

	/**
	 * The median of milliseconds (the mean of the two middle values for an even count) in
	 * whole seconds, rounded half up; null over nothing.
	 */
	static Long medianSeconds(List<Long> millis) {
		if (millis.isEmpty()) {
			return null;
		}
		long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
		int middle = sorted.length / 2;
		double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
		return Math.round(median / 1000);
	}

}
