package dev.steward.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.steward.apis.ApiEntry;
import dev.steward.apis.Apis;
import dev.steward.catalog.Criticality;
import dev.steward.catalog.DelegationStatus;
import dev.steward.catalog.Dependency;
import dev.steward.catalog.Directory;
import dev.steward.catalog.Responsibility;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.catalog.TeamEntry;
import dev.steward.catalog.UserEntry;
import dev.steward.changes.Change;
import dev.steward.changes.Changes;
import dev.steward.common.Cursor;
import dev.steward.common.Page;
import dev.steward.data.DataAccess;
import dev.steward.data.DatastoreEntry;
import dev.steward.data.Datastores;
import dev.steward.deployments.Deployments;
import dev.steward.deployments.ServiceInstance;
import dev.steward.deployments.ServiceInstances;
import dev.steward.deployments.SuccessfulDeployment;
import dev.steward.environments.EnvironmentEntry;
import dev.steward.environments.Environments;
import dev.steward.incidents.PostmortemEntry;
import dev.steward.incidents.Postmortems;
import dev.steward.monitoring.MonitoringReviews;
import dev.steward.monitoring.MonitoringStatus;
import dev.steward.monitoring.Monitors;
import dev.steward.monitoring.OverdueReview;
import dev.steward.oncall.EscalationPolicies;
import dev.steward.oncall.EscalationPolicyEntry.UncoveredLevel;
import dev.steward.reporting.ScorecardFacts.DirectAccess;
import dev.steward.slas.AgreementStatus;
import dev.steward.slas.SlaAgreement;
import dev.steward.slas.SlaAgreements;
import dev.steward.slas.SloEntry;
import dev.steward.slas.Slos;
import dev.steward.windows.WindowEntry;
import dev.steward.windows.Windows;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the scorecard checks need through each module's public API: for one service
 * with that service's queries, or for every service with one bulk read per kind of fact,
 * so that scoring the whole organization costs about as many queries as scoring one
 * service.
 */
@Component
class ScorecardSources {

	private final ServiceCatalog catalog;

	private final Directory directory;

	private final Apis apis;

	private final Datastores datastores;

	private final DataAccess dataAccess;

	private final Windows windows;

	private final Environments environments;

	private final Deployments deployments;

	private final ServiceInstances instances;

	private final Changes changes;

	private final Slos slos;

	private final SlaAgreements agreements;

	private final Monitors monitors;

	private final MonitoringReviews reviews;

	private final EscalationPolicies policies;

	private final Postmortems postmortems;

	private final DigestSubscriptions subscriptions;

	private final ScorecardThresholds thresholds;

	private final Clock clock;

	ScorecardSources(ServiceCatalog catalog, Directory directory, Apis apis, Datastores datastores,
			DataAccess dataAccess, Windows windows, Environments environments, Deployments deployments,
			ServiceInstances instances, Changes changes, Slos slos, SlaAgreements agreements, Monitors monitors,
			MonitoringReviews reviews, EscalationPolicies policies, Postmortems postmortems,
			DigestSubscriptions subscriptions, ScorecardThresholds thresholds, Clock clock) {
		this.catalog = catalog;
		this.directory = directory;
		this.apis = apis;
		this.datastores = datastores;
		this.dataAccess = dataAccess;
		this.windows = windows;
		this.environments = environments;
		this.deployments = deployments;
		this.instances = instances;
		this.changes = changes;
		this.slos = slos;
		this.agreements = agreements;
		this.monitors = monitors;
		this.reviews = reviews;
		this.policies = policies;
		this.postmortems = postmortems;
		this.subscriptions = subscriptions;
		this.thresholds = thresholds;
		this.clock = clock;
	}

	/** The facts of one service. */
	@Transactional(readOnly = true)
	ScorecardFacts of(String service) {
		return load(this.catalog.service(service));
	}

	/** The facts of every service. */
	@Transactional(readOnly = true)
	ScorecardFacts everyService() {
		return load(null);
	}

	/** Reads the facts of {@code only}, or of every service when it is null. */
	private ScorecardFacts load(ServiceEntry only) {
		String name = only == null ? null : only.name();
		Instant now = this.clock.instant();
		List<ServiceEntry> services = only != null ? List.of(only)
				: everything(cursor -> this.catalog.services(ServiceFilter.none(), Cursor.MAX_LIMIT, cursor));
		Map<String, TeamEntry> teams = teams(only);
		List<DatastoreEntry> owned = only != null ? this.datastores.ownedBy(name)
				: everything(cursor -> this.datastores.datastores(null, null, Cursor.MAX_LIMIT, cursor));
		List<DirectAccess> foreign = directAccesses(name, owned);
		List<String> production = this.environments.all()
			.stream()
			.filter(EnvironmentEntry::production)
			.map(EnvironmentEntry::name)
			.toList();
		Map<String, List<UncoveredLevel>> coverage = new HashMap<>();
		return new ScorecardFacts(now, services, teams, digestSubscribers(only),
				byService(
						only != null ? this.apis.ofService(name)
								: everything(cursor -> this.apis.apis(null, null, null, Cursor.MAX_LIMIT, cursor)),
						ApiEntry::service),
				byService(owned, DatastoreEntry::owner), byService(foreign, DirectAccess::service),
				byService(foreign, DirectAccess::owner),
				byService(everything(cursor -> this.windows.windows(name, null, null, Cursor.MAX_LIMIT, cursor)),
						WindowEntry::scope),
				production, latestProduction(production, name), productionInstances(production, name),
				byService(
						everything(cursor -> this.changes.changes(name, null,
								now.minus(this.thresholds.changeLookback()), now, Cursor.MAX_LIMIT, cursor)),
						Change::service),
				byService(only != null ? this.slos.slos(name) : this.slos.all(), SloEntry::service),
				hardConsumers(name), activeAgreements(name), monitorCounts(name), overdueReviews(name),
				assignments(name),
				byService(
						everything(cursor -> this.postmortems.postmortems(name, null, true, Cursor.MAX_LIMIT, cursor)),
						PostmortemEntry::service),
				delegations(name), (policy, horizon) -> Optional
					.ofNullable(coverage.computeIfAbsent(policy + "@" + horizon, key -> uncovered(policy, horizon))));
	}

	private List<UncoveredLevel> uncovered(String policy, Duration horizon) {
		return this.policies.uncovered(policy, horizon).orElse(null);
	}

	private Map<String, TeamEntry> teams(ServiceEntry only) {
		List<TeamEntry> teams = only != null ? this.directory.findTeam(only.owner()).stream().toList()
				: everything(cursor -> this.directory.teams(Cursor.MAX_LIMIT, cursor));
		return teams.stream().collect(Collectors.toMap(TeamEntry::name, Function.identity()));
	}

	/** The users subscribed to each team's digest (of one service's team, or of all). */
	private Map<String, List<String>> digestSubscribers(ServiceEntry only) {
		List<DigestSubscription> subscriptions = only != null ? this.subscriptions.ofTeam(only.owner())
				: this.subscriptions.all();
		return subscriptions.stream()
			.filter(subscription -> subscription.team() != null)
			.collect(Collectors.groupingBy(DigestSubscription::team,
					Collectors.mapping(DigestSubscription::user, Collectors.toList())));
	}

	/**
	 * Direct accesses across owners: of one service (its own reads of others' datastores
	 * and others' reads of its {@code owned} ones), or all of them.
	 */
	private List<DirectAccess> directAccesses(String service, List<DatastoreEntry> owned) {
		if (service == null) {
			return this.dataAccess.violations()
				.stream()
				.map(violation -> new DirectAccess(violation.service(), violation.subject(), violation.counterpart()))
				.toList();
		}
		List<DirectAccess> accesses = new ArrayList<>();
		this.dataAccess.ofService(service)
			.stream()
			.filter(access -> access.violation())
			.forEach(access -> accesses.add(new DirectAccess(access.service(), access.datastore(), access.owner())));
		owned.forEach(datastore -> this.dataAccess.ofDatastore(datastore.name())
			.stream()
			.filter(access -> access.violation())
			.forEach(access -> accesses.add(new DirectAccess(access.service(), access.datastore(), access.owner()))));
		return accesses;
	}

	/** Each service's newest successful deployment to any production environment. */
	private Map<String, SuccessfulDeployment> latestProduction(List<String> production, String service) {
		Map<String, SuccessfulDeployment> latest = new HashMap<>();
		this.deployments.latestSuccesses(production, service)
			.forEach(deployment -> latest.merge(deployment.service(), deployment,
					(kept, other) -> kept.id() >= other.id() ? kept : other));
		return latest;
	}

	private Map<String, List<String>> productionInstances(List<String> production, String service) {
		Map<String, List<String>> environments = new HashMap<>();
		for (ServiceInstance instance : this.instances.inEnvironments(production, service)) {
			environments.computeIfAbsent(instance.service(), key -> new ArrayList<>()).add(instance.environment());
		}
		return environments;
	}

	private Map<String, List<String>> hardConsumers(String service) {
		List<Dependency> hard = service != null ? this.catalog.consumers(service)
			.stream()
			.filter(dependency -> dependency.criticality() == Criticality.HARD)
			.toList() : this.catalog.allDependencies(Criticality.HARD);
		Map<String, List<String>> consumers = new HashMap<>();
		hard.forEach(dependency -> consumers.computeIfAbsent(dependency.provider(), key -> new ArrayList<>())
			.add(dependency.consumer()));
		return consumers;
	}

	private Set<String> activeAgreements(String service) {
		Set<String> pairs = new HashSet<>();
		for (SlaAgreement agreement : everything(cursor -> this.agreements.agreements(service,
				AgreementStatus.ACTIVE.key(), Cursor.MAX_LIMIT, cursor))) {
			pairs.add(ScorecardFacts.pair(agreement.provider(), agreement.consumer()));
		}
		return pairs;
	}

	private Map<String, Integer> monitorCounts(String service) {
		return service == null ? this.monitors.countByService()
				: Map.of(service, this.monitors.monitors(service).size());
	}

	private Map<String, OverdueReview> overdueReviews(String service) {
		if (service == null) {
			return this.reviews.overdue(null)
				.stream()
				.collect(Collectors.toMap(OverdueReview::service, Function.identity()));
		}
		MonitoringStatus status = this.reviews.status(service);
		if (!status.overdue()) {
			return Map.of();
		}
		return Map.of(service,
				new OverdueReview(service, null, status.owner(), status.tier(), status.cadence(),
						status.lastReview() == null ? null : status.lastReview().at(),
						status.lastReview() == null ? null : status.lastReview().reviewer(), status.nextDue(),
						status.daysOverdue()));
	}

	private Map<String, String> assignments(String service) {
		if (service == null) {
			return this.policies.assignments();
		}
		return this.policies.policyOf(service).map(policy -> Map.of(service, policy)).orElse(Map.of());
	}

	private Map<String, List<Responsibility>> delegations(String service) {
		if (service == null) {
			return this.catalog.allDelegations();
		}
		return Map.of(service,
				this.catalog.responsibilities(service)
					.stream()
					.filter(row -> row.status() != DelegationStatus.OWNER)
					.toList());
	}

	private static <T> Map<String, List<T>> byService(List<T> items, Function<T, String> service) {
		return items.stream().collect(Collectors.groupingBy(service));
	}

	/** Every item of a paged collection, page by page. */
	private static <T> List<T> everything(Function<String, Page<T>> page) {
		List<T> items = new ArrayList<>();
		String cursor = null;
		do {
			Page<T> next = page.apply(cursor);
			items.addAll(next.items());
			cursor = next.nextCursor();
		}
		while (cursor != null);
		return items;
	}

}
