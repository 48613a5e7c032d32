package dev.steward.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.changes.ChangeCount;
import dev.steward.changes.Changes;
import dev.steward.deployments.DeploymentOutcome;
import dev.steward.deployments.Deployments;
import dev.steward.incidents.IncidentTimes;
import dev.steward.incidents.Incidents;
import dev.steward.incidents.Postmortems;
import dev.steward.incidents.Urgency;
import dev.steward.notifications.Notifications;
import dev.steward.notifications.SentPage;
import org.springframework.stereotype.Component;

/**
 * Gathers the tallies of many services at once through each module's bulk, period-bounded
 * queries: a fixed number of queries whatever the number of services.
 */
@Component
class ReportSources {

	/**
	 * How long after a production deployment a high-urgency incident counts against it.
	 */
	static final Duration FAILURE_WINDOW = Duration.ofHours(24);

	static final LocalTime WORKDAY_START = LocalTime.of(8, 0);

	static final LocalTime WORKDAY_END = LocalTime.of(22, 0);

	private final Incidents incidents;

	private final Postmortems postmortems;

	private final Deployments deployments;

	private final Changes changes;

	private final Notifications notifications;

	private final Directory directory;

	private final Clock clock;

	ReportSources(Incidents incidents, Postmortems postmortems, Deployments deployments, Changes changes,
			Notifications notifications, Directory directory, Clock clock) {
		this.incidents = incidents;
		this.postmortems = postmortems;
		this.deployments = deployments;
		this.changes = changes;
		this.notifications = notifications;
		this.directory = directory;
		this.clock = clock;
	}

	/** What the tallies are gathered into: by service, and optionally by ISO week. */
	record Tallies(Map<String, ReportTally> byService, Map<String, ReportTally> byWeek) {

		ReportTally of(String service) {
			return this.byService.computeIfAbsent(service, name -> new ReportTally());
		}

		Optional<ReportTally> week(Instant at) {
			return Optional.ofNullable(this.byWeek)
				.map(weeks -> weeks.computeIfAbsent(ReportPeriod.isoWeek(at), week -> new ReportTally()));
		}

		/** Every service's tally added up. */
		ReportTally total() {
			return this.byService.values().stream().reduce(new ReportTally(), ReportTally::add);
		}

	}

	/**
	 * The tallies of {@code services} (of every service when it is null) over the period;
	 * {@code weekly} also tallies incidents and deployments by ISO week, {@code pages}
	 * also gathers on-call pages.
	 */
	Tallies gather(Collection<String> services, ReportPeriod period, boolean weekly, boolean pages) {
		Tallies tallies = new Tallies(new HashMap<>(), weekly ? new HashMap<>() : null);
		if (services != null) {
			services.forEach(tallies::of);
		}
		Instant now = this.clock.instant();
		List<IncidentTimes> incidentTimes = this.incidents.times(services, period.since(),
				period.until().plus(FAILURE_WINDOW));
		List<IncidentTimes> inPeriod = incidentTimes.stream()
			.filter(incident -> period.contains(incident.createdAt()))
			.toList();
		for (IncidentTimes incident : inPeriod) {
			Duration toAcknowledge = incident.firstAcknowledgedAt() == null ? null
					: Duration.between(incident.createdAt(), incident.firstAcknowledgedAt());
			Duration toResolve = incident.resolvedAt() == null ? null
					: Duration.between(incident.createdAt(), incident.resolvedAt());
			boolean breached = incident.responseSlaBreached(now);
			tallies.of(incident.service()).incident(incident.urgency(), toAcknowledge, toResolve, breached);
			tallies.week(incident.createdAt())
				.ifPresent(week -> week.incident(incident.urgency(), toAcknowledge, toResolve, breached));
		}
		tallyDeployments(tallies, services, period, highUrgencyStarts(incidentTimes));
		this.postmortems.overdueCounts(services, period.since(), period.until())
			.forEach((service, count) -> tallies.of(service).postmortemsOverdue(count));
		this.deployments.emergencyCounts(services, period.since(), period.until())
			.forEach((service, count) -> tallies.of(service).emergencyOverrides(count));
		for (ChangeCount count : this.changes.counts(services, period.since(), period.until())) {
			tallies.of(count.service()).changes(count.status(), count.count());
			if (count.emergency()) {
				tallies.of(count.service()).emergencyOverrides(count.count());
			}
		}
		if (pages) {
			tallyPages(tallies, inPeriod);
		}
		return tallies;
	}

	private static Map<String, List<Instant>> highUrgencyStarts(List<IncidentTimes> incidents) {
		return incidents.stream()
			.filter(incident -> incident.urgency() == Urgency.HIGH)
			.collect(Collectors.groupingBy(IncidentTimes::service,
					Collectors.mapping(IncidentTimes::createdAt, Collectors.toList())));
	}

	private void tallyDeployments(Tallies tallies, Collection<String> services, ReportPeriod period,
			Map<String, List<Instant>> highUrgencyStarts) {
		Map<String, List<DeploymentOutcome>> byTarget = this.deployments
			.productionOutcomes(services, period.since(), period.until())
			.stream()
			.sorted(Comparator.comparing(DeploymentOutcome::outcomeAt))
			.collect(Collectors.groupingBy(outcome -> outcome.service() + "/" + outcome.environment()));
		for (List<DeploymentOutcome> outcomes : byTarget.values()) {
			for (DeploymentOutcome outcome : outcomes) {
				List<Instant> incidents = highUrgencyStarts.getOrDefault(outcome.service(), List.of());
				boolean failed = outcome.failed() || (outcome.succeededAt() != null && incidents.stream()
					.anyMatch(at -> !at.isBefore(outcome.succeededAt())
							&& at.isBefore(outcome.succeededAt().plus(FAILURE_WINDOW))));
				Duration leadTime = outcome.commitTime() == null || outcome.succeededAt() == null ? null
						: Duration.between(outcome.commitTime(), outcome.succeededAt());
				Duration recovery = recovery(outcome, outcomes, period);
				tallies.of(outcome.service()).deployment(failed, leadTime, recovery);
				tallies.week(outcome.outcomeAt()).ifPresent(week -> week.deployment(failed, leadTime, recovery));
			}
		}
	}

	/**
	 * From a deployment's failure to the first of: its rollback completing, or the next
	 * successful deployment of the service to the same environment; {@code null} when
	 * neither happened in the period.
	 */
	private static Duration recovery(DeploymentOutcome outcome, List<DeploymentOutcome> sameTarget,
			ReportPeriod period) {
		if (outcome.failedAt() == null) {
			return null;
		}
		List<Instant> candidates = new ArrayList<>();
		if (outcome.rolledBackAt() != null) {
			candidates.add(outcome.rolledBackAt());
		}
		sameTarget.stream()
			.filter(other -> other.id() != outcome.id() && other.succeededAt() != null
					&& other.succeededAt().isAfter(outcome.failedAt()))
			.map(DeploymentOutcome::succeededAt)
			.forEach(candidates::add);
		return candidates.stream()
			.filter(period::contains)
			.min(Comparator.naturalOrder())
			.map(recovered -> Duration.between(outcome.failedAt(), recovered))
			.orElse(null);
	}

	private void tallyPages(Tallies tallies, List<IncidentTimes> incidents) {
		Map<Long, String> serviceOf = incidents.stream()
			.collect(Collectors.toMap(IncidentTimes::number, IncidentTimes::service));
		List<SentPage> sent = this.notifications.sentPages(serviceOf.keySet());
		Map<String, ZoneId> zones = sent.stream()
			.map(SentPage::user)
			.distinct()
			.collect(Collectors.toMap(Function.identity(), this::zoneOf));
		for (SentPage page : sent) {
			tallies.of(serviceOf.get(page.incidentNumber()))
				.page(page.user(), outsideHours(page.sentAt(), zones.get(page.user())));
		}
	}

	/**
	 * Whether a page at {@code at} reached someone in {@code zone} before 08:00 or from
	 * 22:00.
	 */
	static boolean outsideHours(Instant at, ZoneId zone) {
		LocalTime local = at.atZone(zone).toLocalTime();
		return local.isBefore(WORKDAY_START) || !local.isBefore(WORKDAY_END);
	}

	private ZoneId zoneOf(String user) {
		return this.directory.findUser(user).map(UserEntry::timeZone).map(ZoneId::of).orElse(ZoneOffset.UTC);
	}

}
