package dev.steward.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import dev.steward.apis.ApiEntry;
import dev.steward.catalog.Responsibility;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.TeamEntry;
import dev.steward.changes.Change;
import dev.steward.data.DatastoreEntry;
import dev.steward.deployments.SuccessfulDeployment;
import dev.steward.incidents.PostmortemEntry;
import dev.steward.monitoring.OverdueReview;
import dev.steward.oncall.EscalationPolicyEntry.UncoveredLevel;
import dev.steward.slas.SloEntry;
import dev.steward.windows.WindowEntry;

/**
 * What the scorecard checks look at, read once for one service or for every service, and
 * kept by service name (a service absent from a map has nothing there).
 *
 * @param reachesForeign direct accesses of each service to datastores of other services
 * @param reachedByOthers direct accesses of other services to each service's datastores
 * @param windowsByScope windows by scope text ({@code service:x}, {@code product:y})
 * @param latestProduction each service's newest successful production deployment
 * @param productionInstances the production environments each service has an instance in
 * @param hardConsumers the services that depend hard on each service
 * @param activeAgreements active SLA agreements as {@link #pair provider–consumer pairs}
 * @param delegations the delegated rows of each service's responsibility matrix
 * @param coverage where a policy's levels reach nobody within a horizon, remembered
 */
record ScorecardFacts(Instant now, List<ServiceEntry> services, Map<String, TeamEntry> teams,
		Map<String, List<String>> digestSubscribers, Map<String, List<ApiEntry>> apis,
		Map<String, List<DatastoreEntry>> datastores, Map<String, List<DirectAccess>> reachesForeign,
		Map<String, List<DirectAccess>> reachedByOthers, Map<String, List<WindowEntry>> windowsByScope,
		List<String> productionEnvironments, Map<String, SuccessfulDeployment> latestProduction,
		Map<String, List<String>> productionInstances, Map<String, List<Change>> changes,
		Map<String, List<SloEntry>> slos, Map<String, List<String>> hardConsumers, Set<String> activeAgreements,
		Map<String, Integer> monitors, Map<String, OverdueReview> overdueReviews, Map<String, String> policies,
		Map<String, List<PostmortemEntry>> overduePostmortems, Map<String, List<Responsibility>> delegations,
		BiFunction<String, Duration, Optional<List<UncoveredLevel>>> coverage) {

	/** A service reaching a datastore of another service directly. */
	record DirectAccess(String service, String datastore, String owner) {
	}

	static String pair(String provider, String consumer) {
		return provider + "→" + consumer;
	}

	<T> List<T> of(Map<String, List<T>> facts, String service) {
		return facts.getOrDefault(service, List.of());
	}

}
