package dev.steward.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.steward.apis.ApiEntry;
import dev.steward.catalog.Aspect;
import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.Responsibility;
import dev.steward.catalog.Role;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.TeamEntry;
import dev.steward.changes.Change;
import dev.steward.changes.ChangeStatus;
import dev.steward.data.DatastoreEntry;
import dev.steward.deployments.SuccessfulDeployment;
import dev.steward.incidents.PostmortemEntry;
import dev.steward.monitoring.OverdueReview;
import dev.steward.oncall.EscalationPolicyEntry.UncoveredLevel;
import dev.steward.reporting.ScorecardFacts.DirectAccess;
import dev.steward.slas.SloEntry;
import dev.steward.windows.WindowEntry;
import dev.steward.windows.WindowScope;
import org.springframework.stereotype.Component;

/**
 * The scorecard checks and levels: each check turns what {@link ScorecardFacts} found
 * about a service into passed or failed with a sentence saying why, with the thresholds
 * of its tier; the level follows from which checks pass.
 */
@Component
class ScorecardRules {

	static final String DELEGATION_ACCEPTED = "delegation-accepted";

	/** The checks a bronze service passes. */
	static final Set<String> BRONZE = Set.of(key(Aspect.INCIDENT_RESPONSE, "escalation-coverage"),
			key(Aspect.SLAS, "slo-defined"));

	/** The checks a silver service passes besides the bronze ones. */
	static final Set<String> SILVER = Set.of(key(Aspect.API_DESIGN, "apis-registered"),
			key(Aspect.DEPLOYMENT_WINDOWS, "windows-defined"), key(Aspect.MONITORING, "reviewed-on-time"),
			key(Aspect.SERVERS_HARDWARE, DELEGATION_ACCEPTED), key(Aspect.TOOLING, DELEGATION_ACCEPTED),
			key(Aspect.DATABASES, DELEGATION_ACCEPTED), key(Aspect.DATA, "no-direct-access"),
			key(Aspect.DATABASES, "no-foreign-access"));

	private final ScorecardThresholds thresholds;

	ScorecardRules(ScorecardThresholds thresholds) {
		this.thresholds = thresholds;
	}

	static String key(Aspect aspect, String check) {
		return aspect.key() + "/" + check;
	}

	/** The service's scorecard from the facts read for it. */
	ScorecardEntry score(ServiceEntry service, ScorecardFacts facts) {
		Checks checks = new Checks();
		serviceDevelopment(checks, service, facts);
		apiDesign(checks, facts.of(facts.apis(), service.name()));
		data(checks, service, facts);
		deploymentWindows(checks, service, facts);
		deployments(checks, service, facts);
		infrastructureChanges(checks, facts.of(facts.changes(), service.name()), facts.now());
		environments(checks, service, facts);
		slas(checks, service, facts);
		monitoring(checks, service, facts);
		incidentResponse(checks, service, facts);
		reporting(checks, service, facts);
		delegations(checks, service, facts);
		checks.all.sort(Comparator.comparing(ScorecardCheck::aspect));
		return new ScorecardEntry(service.name(), service.owner(), service.tier(), level(checks.all),
				List.copyOf(checks.all));
	}

	static ScorecardLevel level(List<ScorecardCheck> checks) {
		Set<String> failed = checks.stream()
			.filter(Predicate.not(ScorecardCheck::passed))
			.map(check -> key(check.aspect(), check.check()))
			.collect(Collectors.toSet());
		if (failed.isEmpty()) {
			return ScorecardLevel.GOLD;
		}
		if (BRONZE.stream().anyMatch(failed::contains)) {
			return ScorecardLevel.NONE;
		}
		return SILVER.stream().anyMatch(failed::contains) ? ScorecardLevel.BRONZE : ScorecardLevel.SILVER;
	}

	private void serviceDevelopment(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		TeamEntry team = facts.teams().get(service.owner());
		String check = "owner-team";
		if (team == null) {
			checks.fail(Aspect.SERVICE_DEVELOPMENT, check, "The owning team " + service.owner() + " does not exist");
			return;
		}
		int size = team.members().size();
		long leads = team.members().stream().filter(member -> member.role() == Role.LEAD).count();
		boolean strict = this.thresholds.strict(service.tier());
		int needed = this.thresholds.teamSize();
		boolean passed = size >= needed && (!strict || leads > 0);
		checks.add(Aspect.SERVICE_DEVELOPMENT, check, passed,
				"Team " + team.name() + " has " + count(size, "member") + ", " + leads + " of them "
						+ (leads == 1 ? "a lead" : "leads") + "; a tier-" + service.tier() + " service needs at least "
						+ needed + (strict ? " and a lead" : ""));
	}

	private static void apiDesign(Checks checks, List<ApiEntry> apis) {
		checks.add(Aspect.API_DESIGN, "apis-registered", !apis.isEmpty(), apis.isEmpty() ? "Registers no API"
				: "Registers " + count(apis.size(), "API") + ": " + names(apis.stream().map(ApiEntry::name).toList()));
		List<String> published = apis.stream()
			.filter(api -> api.latestVersion() != null)
			.map(api -> api.name() + " " + api.latestVersion())
			.toList();
		checks.add(Aspect.API_DESIGN, "api-version-published", !published.isEmpty(),
				apis.isEmpty() ? "Registers no API, so no version is published"
						: published.isEmpty() ? "None of its " + count(apis.size(), "API") + " has a published version"
								: "Published: " + names(published));
	}

	private static void data(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		List<DatastoreEntry> owned = facts.of(facts.datastores(), service.name());
		List<String> gaps = new ArrayList<>();
		for (DatastoreEntry datastore : owned) {
			List<String> missing = new ArrayList<>();
			if (datastore.retentionDays() == null) {
				missing.add("no retention period");
			}
			if (datastore.backupPolicy() == null || datastore.backupPolicy().isBlank()) {
				missing.add("no backup policy");
			}
			if (!missing.isEmpty()) {
				gaps.add(datastore.name() + " states " + String.join(" and ", missing));
			}
		}
		checks.add(Aspect.DATA, "datastores-documented", gaps.isEmpty(),
				owned.isEmpty() ? "Owns no datastore"
						: gaps.isEmpty() ? "Its " + count(owned.size(), "datastore") + " ("
								+ names(owned.stream().map(DatastoreEntry::name).toList())
								+ ") state their retention period and backup policy" : String.join("; ", gaps));
		List<DirectAccess> reaches = facts.of(facts.reachesForeign(), service.name());
		checks.add(Aspect.DATA, "no-direct-access", reaches.isEmpty(),
				reaches.isEmpty() ? "Reaches no other service's datastore directly" : "Reaches "
						+ count(reaches.size(), "datastore") + " of other services directly: "
						+ names(reaches.stream().map(access -> access.datastore() + " of " + access.owner()).toList()));
	}

	private static void deploymentWindows(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		List<String> applying = new ArrayList<>();
		facts.of(facts.windowsByScope(), WindowScope.service(service.name()).toString())
			.forEach(window -> applying.add(window.name() + " (service)"));
		if (service.product() != null) {
			facts.of(facts.windowsByScope(), WindowScope.product(service.product()).toString())
				.forEach(window -> applying.add(window.name() + " (product " + service.product() + ")"));
		}
		List<WindowEntry> company = facts.of(facts.windowsByScope(), WindowScope.COMPANY.toString());
		String companyNote = company.isEmpty() ? "" : "; the company defines " + count(company.size(), "window");
		checks.add(Aspect.DEPLOYMENT_WINDOWS, "windows-defined", !applying.isEmpty(), applying.isEmpty()
				? "No deployment window of its own or of its product is defined" + companyNote
				: count(applying.size(), "window") + " of its own or its product's: " + names(applying) + companyNote);
	}

	private void deployments(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		SuccessfulDeployment latest = facts.latestProduction().get(service.name());
		Duration maxAge = this.thresholds.deploymentAge(service.tier());
		String recent = "recent-production-deployment";
		String rollback = "rollback-target";
		if (facts.productionEnvironments().isEmpty()) {
			checks.fail(Aspect.DEPLOYMENTS, recent, "No production environment is defined");
			checks.fail(Aspect.DEPLOYMENTS, rollback, "No production environment is defined");
			return;
		}
		if (latest == null || latest.finishedAt() == null) {
			checks.fail(Aspect.DEPLOYMENTS, recent, "Never deployed successfully to production");
			checks.fail(Aspect.DEPLOYMENTS, rollback, "No successful production deployment to roll back from");
			return;
		}
		Duration age = Duration.between(latest.finishedAt(), facts.now());
		checks.add(Aspect.DEPLOYMENTS, recent, age.compareTo(maxAge) <= 0,
				"Version " + latest.version() + " succeeded in " + latest.environment() + " "
						+ count(age.toDays(), "day") + " ago; a tier-" + service.tier() + " service needs one within "
						+ count(maxAge.toDays(), "day"));
		checks.add(Aspect.DEPLOYMENTS, rollback, latest.rollbackTarget() != null,
				latest.rollbackTarget() != null
						? "A rollback of " + latest.version() + " in " + latest.environment() + " returns to "
								+ latest.rollbackTarget()
						: "Its latest production deployment (" + latest.version() + " in " + latest.environment()
								+ ") has no earlier version to roll back to");
	}

	private void infrastructureChanges(Checks checks, List<Change> changes, Instant now) {
		Instant since = now.minus(this.thresholds.changeLookback());
		List<Change> due = changes.stream()
			.filter(change -> !change.plannedStart().isBefore(since) && !change.plannedStart().isAfter(now))
			.filter(change -> change.status() != ChangeStatus.CANCELLED)
			.toList();
		List<String> late = due.stream()
			.filter(change -> !approvedBeforeStart(change))
			.map(change -> "change " + change.id() + " (" + change.title() + ", planned " + at(change.plannedStart())
					+ ") is "
					+ (change.startedAt() == null ? change.status().key() + ", not approved by its planned start"
							: "started without every approval first"))
			.toList();
		String period = "the last " + count(this.thresholds.changeLookback().toDays(), "day");
		checks.add(Aspect.INFRASTRUCTURE_CHANGES, "changes-approved-before-start", late.isEmpty(),
				due.isEmpty() ? "No change was planned to start in " + period
						: late.isEmpty() ? "All " + count(due.size(), "change") + " planned to start in " + period
								+ " were approved before they started" : String.join("; ", late));
	}

	/**
	 * Started changes were approved before they started; unstarted ones must be approved
	 * by their planned start.
	 */
	private static boolean approvedBeforeStart(Change change) {
		if (change.startedAt() == null) {
			return change.status() != ChangeStatus.DRAFT && change.status() != ChangeStatus.SUBMITTED;
		}
		return change.approvalsNeeded().isEmpty() && !change.approvals().isEmpty()
				&& change.approvals().stream().noneMatch(approval -> approval.at().isAfter(change.startedAt()));
	}

	private static void environments(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		String check = "production-instance";
		if (facts.productionEnvironments().isEmpty()) {
			checks.fail(Aspect.ENVIRONMENTS, check, "No production environment is defined in the organization");
			return;
		}
		List<String> in = facts.of(facts.productionInstances(), service.name());
		checks.add(Aspect.ENVIRONMENTS, check, !in.isEmpty(),
				in.isEmpty()
						? "Has no instance in a production environment (" + names(facts.productionEnvironments()) + ")"
						: "Runs in production: " + names(in));
	}

	private static void slas(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		List<SloEntry> slos = facts.of(facts.slos(), service.name());
		checks.add(Aspect.SLAS, "slo-defined", !slos.isEmpty(), slos.isEmpty() ? "Has no SLO"
				: "Has " + count(slos.size(), "SLO") + ": " + names(slos.stream().map(SloEntry::name).toList()));
		List<String> consumers = facts.of(facts.hardConsumers(), service.name());
		List<String> uncovered = consumers.stream()
			.filter(consumer -> !facts.activeAgreements().contains(ScorecardFacts.pair(service.name(), consumer)))
			.toList();
		checks.add(Aspect.SLAS, "hard-consumers-covered", uncovered.isEmpty(),
				consumers.isEmpty() ? "No service depends on it hard"
						: uncovered.isEmpty()
								? "Each of its " + count(consumers.size(), "hard consumer") + " (" + names(consumers)
										+ ") has an active SLA agreement with it"
								: uncovered.size() + " of its " + count(consumers.size(), "hard consumer")
										+ " have no active SLA agreement with it: " + names(uncovered));
	}

	private static void monitoring(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		int monitors = facts.monitors().getOrDefault(service.name(), 0);
		checks.add(Aspect.MONITORING, "monitors-declared", monitors > 0,
				monitors > 0 ? "Declares " + count(monitors, "monitor") : "Declares no monitor");
		OverdueReview overdue = facts.overdueReviews().get(service.name());
		String check = "reviewed-on-time";
		if (service.lifecycle() == Lifecycle.RETIRED) {
			checks.pass(Aspect.MONITORING, check, "Retired, so its monitoring needs no review");
		}
		else if (overdue != null) {
			checks.fail(Aspect.MONITORING, check,
					"The monitoring review is " + count(overdue.daysOverdue(), "day") + " overdue (due "
							+ at(overdue.due()) + ", every " + overdue.cadence() + " for tier " + service.tier() + ")");
		}
		else {
			checks.pass(Aspect.MONITORING, check, "The monitoring review is not overdue");
		}
	}

	private void incidentResponse(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		String policy = facts.policies().get(service.name());
		Duration horizon = this.thresholds.coverageHorizon(service.tier());
		String check = "escalation-coverage";
		String days = count(horizon.toDays(), "day");
		if (policy == null) {
			checks.fail(Aspect.INCIDENT_RESPONSE, check, "Names no escalation policy");
		}
		else {
			Optional<List<UncoveredLevel>> uncovered = facts.coverage().apply(policy, horizon);
			if (uncovered.isEmpty()) {
				checks.fail(Aspect.INCIDENT_RESPONSE, check, "Names escalation policy " + policy + ", which is gone");
			}
			else if (uncovered.get().isEmpty()) {
				checks.pass(Aspect.INCIDENT_RESPONSE, check,
						"Policy " + policy + " reaches someone at every level for the next " + days);
			}
			else {
				UncoveredLevel first = uncovered.get().get(0);
				checks.fail(Aspect.INCIDENT_RESPONSE, check,
						"Policy " + policy + " reaches nobody in " + count(uncovered.get().size(), "stretch")
								+ " of the next " + days + ", first at level " + first.level() + " from "
								+ at(first.start()) + " to " + at(first.end()));
			}
		}
		List<PostmortemEntry> overdue = facts.of(facts.overduePostmortems(), service.name());
		checks.add(Aspect.INCIDENT_RESPONSE, "postmortems-done", overdue.isEmpty(),
				overdue.isEmpty() ? "No postmortem is overdue" : count(overdue.size(), "postmortem") + " overdue: "
						+ names(overdue.stream().map(entry -> "incident #" + entry.incident()).toList()));
	}

	private static void reporting(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		List<String> subscribers = facts.digestSubscribers().getOrDefault(service.owner(), List.of());
		checks.add(Aspect.REPORTING, "digest-subscribers", !subscribers.isEmpty(),
				subscribers.isEmpty()
						? "Nobody subscribes to the weekly digest of team " + service.owner()
								+ ", so its report reaches no one"
						: count(subscribers.size(), "user") + " subscribe" + (subscribers.size() == 1 ? "s" : "")
								+ " to the weekly digest of team " + service.owner() + ": " + names(subscribers));
	}

	private static void delegations(Checks checks, ServiceEntry service, ScorecardFacts facts) {
		List<Responsibility> delegated = facts.of(facts.delegations(), service.name());
		for (Aspect aspect : List.of(Aspect.SERVERS_HARDWARE, Aspect.TOOLING, Aspect.DATABASES)) {
			Optional<Responsibility> row = delegated.stream().filter(r -> r.aspect() == aspect).findFirst();
			if (row.isEmpty()) {
				checks.pass(aspect, DELEGATION_ACCEPTED, "Handled by the owning team " + service.owner());
			}
			else {
				String to = "Delegated to team " + row.get().handledBy() + ", which ";
				switch (row.get().status()) {
					case ACCEPTED -> checks.pass(aspect, DELEGATION_ACCEPTED, to + "accepted it");
					case DECLINED -> checks.fail(aspect, DELEGATION_ACCEPTED, to + "declined it");
					default -> checks.fail(aspect, DELEGATION_ACCEPTED, to + "has not accepted it yet");
				}
			}
		}
		List<DirectAccess> reached = facts.of(facts.reachedByOthers(), service.name());
		checks.add(Aspect.DATABASES, "no-foreign-access", reached.isEmpty(), reached.isEmpty()
				? "No other service reaches its datastores directly"
				: "Other services reach its datastores directly: " + names(
						reached.stream().map(access -> access.service() + " reaches " + access.datastore()).toList()));
	}

	private static String count(long n, String noun) {
		return n + " " + (n == 1 ? noun : noun.endsWith("ch") ? noun + "es" : noun + "s");
	}

	private static String names(List<String> names) {
		return String.join(", ", names);
	}

	private static String at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/** The checks of one scorecard as they are made, in aspect order. */
	private static final class Checks {

		private final List<ScorecardCheck> all = new ArrayList<>();

		void add(Aspect aspect, String check, boolean passed, String detail) {
			this.all.add(new ScorecardCheck(aspect, check, passed, detail));
		}

		void pass(Aspect aspect, String check, String detail) {
			add(aspect, check, true, detail);
		}

		void fail(Aspect aspect, String check, String detail) {
			add(aspect, check, false, detail);
		}

	}

}
