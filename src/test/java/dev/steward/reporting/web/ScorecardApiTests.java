package dev.steward.reporting.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import dev.steward.reporting.web.ScorecardFixtures.Covered;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.steward.reporting.web.ScorecardFixtures.check;
import static dev.steward.reporting.web.ScorecardFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each scorecard check over HTTP, passing on a fully covered service and failing when the
 * one thing it looks at is missing, with the tier's thresholds.
 */
class ScorecardApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	private ScorecardFixtures fixtures;

	@BeforeEach
	void fixtures() {
		standardEnvironments();
		this.fixtures = new ScorecardFixtures(this.api, this.clock);
	}

	@Test
	void aFullyCoveredServicePassesEveryCheckOfEveryAspectAndIsGold() {
		Covered covered = this.fixtures.covered(2);
		JsonNode scorecard = this.fixtures.scorecard(covered.service());
		assertThat(scorecard.path("level").asString()).isEqualTo("gold");
		assertThat(scorecard.path("checks").valueStream().map(c -> c.path("aspect").asString()).distinct())
			.containsExactly("api-design", "service-development", "data", "deployments", "deployment-windows",
					"infrastructure-changes", "environments", "slas", "monitoring", "incident-response", "reporting",
					"servers-hardware", "tooling", "databases");
		scorecard.path("checks").forEach(c -> assertThat(c.path("passed").asBoolean()).as(c.toString()).isTrue());
		assertThat(scorecard.path("passed").asInt()).isEqualTo(scorecard.path("total").asInt()).isEqualTo(21);
		assertDetail(scorecard, "service-development/owner-team", "has 3 members, 1 of them a lead");
		assertDetail(scorecard, "api-design/apis-registered", "Registers 1 API");
		assertDetail(scorecard, "api-design/api-version-published", "1.0.0");
		assertDetail(scorecard, "data/datastores-documented", covered.datastore());
		assertDetail(scorecard, "data/no-direct-access", "Reaches no other service's datastore directly");
		assertDetail(scorecard, "deployment-windows/windows-defined", "(service)");
		assertDetail(scorecard, "deployments/recent-production-deployment",
				"Version 1.1.0 succeeded in " + covered.production() + " 0 days ago");
		assertDetail(scorecard, "deployments/rollback-target", "returns to 1.0.0");
		assertDetail(scorecard, "infrastructure-changes/changes-approved-before-start", "No change was planned");
		assertDetail(scorecard, "environments/production-instance", covered.production());
		assertDetail(scorecard, "slas/slo-defined", "Has 1 SLO: availability");
		assertDetail(scorecard, "slas/hard-consumers-covered", covered.consumer());
		assertDetail(scorecard, "monitoring/monitors-declared", "Declares 1 monitor");
		assertDetail(scorecard, "monitoring/reviewed-on-time", "not overdue");
		assertDetail(scorecard, "incident-response/escalation-coverage",
				"Policy " + covered.policy() + " reaches someone at every level for the next 28 days");
		assertDetail(scorecard, "incident-response/postmortems-done", "No postmortem is overdue");
		assertDetail(scorecard, "reporting/digest-subscribers",
				"1 user subscribes to the weekly digest of team " + covered.team() + ": " + covered.lead());
		assertDetail(scorecard, "tooling/delegation-accepted", "Handled by the owning team " + covered.team());
		assertDetail(scorecard, "databases/no-foreign-access", "No other service reaches its datastores directly");
	}

	@Test
	void anUnknownServiceHasNoScorecard() {
		problem(this.api.get("/api/v1/scorecards/" + unique("missing")), 404, null);
	}

	@Test
	void theOwnerTeamNeedsThreeMembersAndForTierOneAndTwoALead() {
		String team = this.fixtures.team(null, member(user(), "member"), member(user(), "member"),
				member(user(), "member"));
		assertFails(this.fixtures.service(team, 2), "service-development/owner-team",
				"a tier-2 service needs at " + "least 3 and a lead");
		assertPasses(this.fixtures.service(team, 3), "service-development/owner-team",
				"has 3 members, 0 of them leads");
		String small = this.fixtures.team(null, member(user(), "lead"), member(user(), "member"));
		assertFails(this.fixtures.service(small, 4), "service-development/owner-team", "has 2 members");
	}

	@Test
	void apisMustBeRegisteredAndOneVersionPublished() {
		String service = service(team(), 3);
		assertFails(service, "api-design/apis-registered", "Registers no API");
		assertFails(service, "api-design/api-version-published", "Registers no API, so no version is published");
		String api = this.fixtures.api(service);
		assertPasses(service, "api-design/apis-registered", "Registers 1 API: " + api);
		assertFails(service, "api-design/api-version-published", "None of its 1 API has a published version");
	}

	@Test
	void ownedDatastoresStateRetentionAndBackupAndNoServiceReachesAnothersDirectly() {
		Covered covered = this.fixtures.covered(3);
		String undocumented = this.fixtures.datastore(covered.service(), null);
		assertFails(covered.service(), "data/datastores-documented", undocumented + " states no backup policy");
		String reader = service(team(), 3);
		this.fixtures.reads(reader, covered.datastore());
		assertFails(reader, "data/no-direct-access",
				"Reaches 1 datastore of other services directly: " + covered.datastore() + " of " + covered.service());
		assertPasses(reader, "databases/no-foreign-access", "No other service reaches its datastores directly");
		JsonNode owner = this.fixtures.scorecard(covered.service());
		assertThat(check(owner, "databases/no-foreign-access").path("detail").asString())
			.isEqualTo("Other services reach its datastores directly: " + reader + " reaches " + covered.datastore());
		assertThat(owner.path("level").asString()).as("a direct reader of its data keeps it below silver")
			.isEqualTo("bronze");
	}

	@Test
	void windowsOfTheServiceOrItsProductCountButTheCompanysAloneDoNot() {
		String product = this.fixtures.product();
		String service = this.fixtures.service(team(), 3, product);
		assertFails(service, "deployment-windows/windows-defined", "No deployment window of its own or of its product");
		this.fixtures.window("product:" + product);
		assertPasses(service, "deployment-windows/windows-defined", "(product " + product + ")");
	}

	@Test
	void aRollbackTargetNeedsAnEarlierProductionVersion() {
		String service = service(team(), 3);
		assertFails(service, "deployments/recent-production-deployment", "Never deployed successfully to production");
		assertFails(service, "deployments/rollback-target", "No successful production deployment to roll back from");
		assertFails(service, "environments/production-instance", "Has no instance in a production environment");
		String production = this.fixtures.productionEnvironment();
		this.fixtures.deploy(service, production, "2.0.0");
		assertPasses(service, "deployments/recent-production-deployment", "Version 2.0.0 succeeded in " + production);
		assertFails(service, "deployments/rollback-target", "(2.0.0 in " + production + ") has no earlier version");
		assertPasses(service, "environments/production-instance", "Runs in production: " + production);
		this.fixtures.send("DELETE", "/api/v1/services/" + service + "/instances/" + production, null);
		assertFails(service, "environments/production-instance", "Has no instance in a production environment");
	}

	@Test
	void aProductionDeploymentIsRecentWithinFourteenDaysForTierOneAndThirtyOtherwise() {
		Covered strict = this.fixtures.covered(1);
		Covered lenient = this.fixtures.covered(3);
		this.clock.advance(Duration.ofDays(15));
		assertFails(strict.service(), "deployments/recent-production-deployment",
				"succeeded in " + strict.production() + " 15 days ago; a tier-1 service needs one within 14 days");
		assertPasses(lenient.service(), "deployments/recent-production-deployment",
				"15 days ago; a tier-3 service needs one within 30 days");
		assertThat(this.fixtures.scorecard(strict.service()).path("level").asString()).isEqualTo("silver");
	}

	@Test
	void changesMustBeApprovedBeforeTheyStart() {
		Covered covered = this.fixtures.covered(3);
		long approved = this.fixtures.submittedChange(covered.service());
		long unapproved = this.fixtures.submittedChange(covered.service());
		this.fixtures.approveAndStart(approved, covered.lead());
		assertFails(covered.service(), "infrastructure-changes/changes-approved-before-start",
				"change " + unapproved + " (Resize the pool, planned ");
		String detail = check(this.fixtures.scorecard(covered.service()),
				"infrastructure-changes/changes-approved-before-start")
			.path("detail")
			.asString();
		assertThat(detail).contains("is submitted, not approved by its planned start")
			.doesNotContain("change " + approved + " ");
		this.fixtures.send("POST", "/api/v1/changes/" + unapproved + "/cancel", Map.of("note", "Too late"));
		assertPasses(covered.service(), "infrastructure-changes/changes-approved-before-start",
				"All 1 change planned to start in the last 90 days were approved before they started");
	}

	@Test
	void sloAndAgreementsWithEveryHardConsumer() {
		Covered covered = this.fixtures.covered(3);
		String soft = service(team(), 3);
		this.fixtures.send("PUT", "/api/v1/services/" + soft + "/dependencies/" + covered.service(),
				Map.of("criticality", "soft"));
		assertPasses(covered.service(), "slas/hard-consumers-covered", "Each of its 1 hard consumer");
		String hard = service(team(), 2);
		this.fixtures.dependsHard(hard, covered.service());
		assertFails(covered.service(), "slas/hard-consumers-covered",
				"1 of its 2 hard consumers have no active SLA agreement with it: " + hard);
		String bare = service(team(), 3);
		assertFails(bare, "slas/slo-defined", "Has no SLO");
		assertPasses(bare, "slas/hard-consumers-covered", "No service depends on it hard");
	}

	@Test
	void monitorsAreDeclaredAndReviewedOnTheTiersCadence() {
		Covered covered = this.fixtures.covered(1);
		String bare = service(team(), 3);
		assertFails(bare, "monitoring/monitors-declared", "Declares no monitor");
		this.clock.advance(Duration.ofDays(31));
		assertFails(covered.service(), "monitoring/reviewed-on-time", "The monitoring review is 1 day overdue");
		assertPasses(bare, "monitoring/reviewed-on-time", "not overdue");
		this.fixtures.send("POST", "/api/v1/services/" + covered.service() + "/monitoring-reviews",
				Map.of("findings", "Alerts reach the on-call lead"));
		assertPasses(covered.service(), "monitoring/reviewed-on-time", "not overdue");
	}

	@Test
	void theEscalationPolicyMustReachSomeoneForTheTiersHorizon() {
		String lead = user();
		String team = this.fixtures.team(null, member(lead, "lead"));
		String strict = service(team, 2);
		String lenient = service(team, 3);
		assertFails(lenient, "incident-response/escalation-coverage", "Names no escalation policy");
		String policy = this.fixtures.policy(team,
				Map.of("type", "schedule", "name", this.fixtures.scheduleFor(team, lead, Duration.ofDays(20))));
		this.fixtures.assign(strict, policy);
		this.fixtures.assign(lenient, policy);
		assertPasses(lenient, "incident-response/escalation-coverage", "for the next 14 days");
		assertFails(strict, "incident-response/escalation-coverage",
				"Policy " + policy + " reaches nobody in 1 stretch of the next 28 days, first at level 1 from ");
	}

	@Test
	void anOverduePostmortemFailsIncidentResponse() {
		Covered covered = this.fixtures.covered(1);
		long incident = this.fixtures.overduePostmortem(covered.service(), covered.lead());
		assertFails(covered.service(), "incident-response/postmortems-done",
				"1 postmortem overdue: incident #" + incident);
	}

	@Test
	void reportingNeedsSomeoneSubscribedToTheTeamsDigest() {
		String lead = this.fixtures.user();
		String team = this.fixtures.team(null, ScorecardFixtures.member(lead, "lead"));
		String service = service(team, 3);
		assertFails(service, "reporting/digest-subscribers",
				"Nobody subscribes to the weekly digest of team " + team + ", so its report reaches no one");
		created(this.api.put("/api/v1/users/" + lead + "/digest-subscriptions/organization", null));
		assertFails(service, "reporting/digest-subscribers", "Nobody subscribes");
		created(this.api.put("/api/v1/users/" + lead + "/digest-subscriptions/team:" + team, null));
		assertPasses(service, "reporting/digest-subscribers", "1 user subscribes to the weekly digest of team " + team);
	}

	@Test
	void sharedAspectsPassWhenTheDelegateAcceptsAndFailWhilePendingOrDeclined() {
		Covered covered = this.fixtures.covered(3);
		String platform = team();
		this.fixtures.delegate(covered.service(), "tooling", platform);
		this.fixtures.delegate(covered.service(), "servers-hardware", platform);
		this.fixtures.delegate(covered.service(), "databases", platform);
		assertFails(covered.service(), "tooling/delegation-accepted",
				"Delegated to team " + platform + ", which has not accepted it yet");
		this.fixtures.decideDelegation(covered.service(), "tooling", "accept");
		this.fixtures.decideDelegation(covered.service(), "servers-hardware", "decline");
		this.fixtures.decideDelegation(covered.service(), "databases", "accept");
		assertPasses(covered.service(), "tooling/delegation-accepted",
				"Delegated to team " + platform + ", which accepted it");
		assertPasses(covered.service(), "databases/delegation-accepted", "which accepted it");
		assertFails(covered.service(), "servers-hardware/delegation-accepted", "which declined it");
		assertThat(this.fixtures.scorecard(covered.service()).path("level").asString()).isEqualTo("bronze");
	}

	private void assertPasses(String service, String key, String detail) {
		assertCheck(service, key, true, detail);
	}

	private void assertFails(String service, String key, String detail) {
		assertCheck(service, key, false, detail);
	}

	private void assertCheck(String service, String key, boolean passed, String detail) {
		JsonNode check = check(this.fixtures.scorecard(service), key);
		assertThat(check.path("passed").asBoolean()).as(check.toString()).isEqualTo(passed);
		assertThat(check.path("detail").asString()).contains(detail);
	}

	private static void assertDetail(JsonNode scorecard, String key, String detail) {
		assertThat(check(scorecard, key).path("detail").asString()).contains(detail);
	}

}
