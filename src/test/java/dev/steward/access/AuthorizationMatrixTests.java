package dev.steward.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutating endpoint against every kind of caller: a caller the rule admits gets a
 * 2xx (each on a fresh organization), any other a 403, or 401 without a token (all of
 * those on one organization per endpoint, which a refused request must leave as it was).
 */
class AuthorizationMatrixTests extends ApiTest {

	/** The kinds of caller. */
	enum Caller {

		ADMIN, OWNER_LEAD, OWNER_MEMBER, OUTSIDER, DELEGATE, READ_ONLY, ANONYMOUS

	}

	private static final Set<Caller> ADMIN_ONLY = EnumSet.of(Caller.ADMIN);

	private static final Set<Caller> OWNERS = EnumSet.of(Caller.ADMIN, Caller.OWNER_LEAD, Caller.OWNER_MEMBER);

	private static final Set<Caller> LEADS = EnumSet.of(Caller.ADMIN, Caller.OWNER_LEAD);

	private static final Set<Caller> SELF = EnumSet.of(Caller.ADMIN, Caller.OWNER_MEMBER);

	/**
	 * One organization: team A owns S and Sx; B owns P; D (shared) was delegated S's
	 * databases.
	 */
	record Org(String lead, String member, String outsider, String delegate, String newcomer, String teamA,
			String teamB, String teamD, String emptyTeam, String service, String transferring, String provider,
			String transferId, String product, String memberTokenId, String schedule, long overrideId, String policy,
			long incident, String keyId, long resolvedIncident, String environment, String serviceWindow,
			String companyWindow, Map<Caller, ApiClient> clients) {
	}

	/** One endpoint: how to call it in an organization, and who may. */
	record Endpoint(String name, String method, Function<Org, String> path, Function<Org, Object> body,
			Set<Caller> allowed) {
	}

	/** Resources some endpoints act on, made on first use in an organization. */
	private final Map<List<Object>, String> fixtures = new java.util.HashMap<>();

	private String deploymentEnvironment;

	@Autowired
	private TestClock clock;

	private List<Endpoint> endpoints() {
		List<Endpoint> all = new ArrayList<>();
		all.add(new Endpoint("register service", "POST", org -> "/api/v1/services",
				org -> Map.of("name", unique("svc"), "title", "New", "owner", org.teamA(), "tier", 3), OWNERS));
		all.add(new Endpoint("update service", "PUT", org -> "/api/v1/services/" + org.service(),
				org -> Map.of("title", "Changed", "tier", 2), OWNERS));
		all.add(new Endpoint("patch service", "PATCH", org -> "/api/v1/services/" + org.service(),
				org -> Map.of("title", "Patched"), OWNERS));
		all.add(new Endpoint("delete service", "DELETE", org -> "/api/v1/services/" + org.service(), org -> null,
				OWNERS));
		all.add(new Endpoint("declare dependency", "PUT",
				org -> "/api/v1/services/" + org.transferring() + "/dependencies/" + org.provider(),
				org -> Map.of("criticality", "soft"), OWNERS));
		all.add(new Endpoint("remove dependency", "DELETE",
				org -> "/api/v1/services/" + org.service() + "/dependencies/" + org.provider(), org -> null, OWNERS));
		all.add(new Endpoint("delegate aspect", "PUT",
				org -> "/api/v1/services/" + org.service() + "/responsibilities/tooling",
				org -> Map.of("handledBy", org.teamD()), OWNERS));
		all.add(new Endpoint("accept delegation", "POST",
				org -> "/api/v1/services/" + org.service() + "/responsibilities/databases/accept", org -> null,
				EnumSet.of(Caller.ADMIN, Caller.DELEGATE)));
		all.add(new Endpoint("decline delegation", "POST",
				org -> "/api/v1/services/" + org.service() + "/responsibilities/databases/decline", org -> null,
				EnumSet.of(Caller.ADMIN, Caller.DELEGATE)));
		all.add(new Endpoint("propose transfer", "POST", org -> "/api/v1/services/" + org.service() + "/transfers",
				org -> Map.of("toTeam", org.teamB()), OWNERS));
		all.add(new Endpoint("accept transfer", "POST",
				org -> "/api/v1/services/" + org.transferring() + "/transfers/" + org.transferId() + "/accept",
				org -> null, EnumSet.of(Caller.ADMIN, Caller.OUTSIDER)));
		all.add(new Endpoint("decline transfer", "POST",
				org -> "/api/v1/services/" + org.transferring() + "/transfers/" + org.transferId() + "/decline",
				org -> null, EnumSet.of(Caller.ADMIN, Caller.OUTSIDER)));
		all.add(new Endpoint("cancel transfer", "POST",
				org -> "/api/v1/services/" + org.transferring() + "/transfers/" + org.transferId() + "/cancel",
				org -> null, OWNERS));
		all.add(new Endpoint("create team", "POST", org -> "/api/v1/teams",
				org -> Map.of("name", unique("team"), "title", "T", "kind", "stream"), ADMIN_ONLY));
		all.add(new Endpoint("update team", "PUT", org -> "/api/v1/teams/" + org.teamA(),
				org -> Map.of("title", "Renamed", "kind", "stream"), LEADS));
		all.add(new Endpoint("patch team", "PATCH", org -> "/api/v1/teams/" + org.teamA(), org -> Map.of("chat", "#a"),
				LEADS));
		all.add(new Endpoint("delete team", "DELETE", org -> "/api/v1/teams/" + org.emptyTeam(), org -> null,
				ADMIN_ONLY));
		all.add(new Endpoint("add member", "PUT", org -> "/api/v1/teams/" + org.teamA() + "/members/" + org.newcomer(),
				org -> Map.of("role", "member"), LEADS));
		all.add(new Endpoint("remove member", "DELETE",
				org -> "/api/v1/teams/" + org.teamA() + "/members/" + org.newcomer(), org -> null, LEADS));
		all.add(new Endpoint("create product", "POST", org -> "/api/v1/products",
				org -> Map.of("name", unique("product"), "title", "P"), ADMIN_ONLY));
		all.add(new Endpoint("update product", "PUT", org -> "/api/v1/products/" + org.product(),
				org -> Map.of("title", "P2"), ADMIN_ONLY));
		all.add(new Endpoint("patch product", "PATCH", org -> "/api/v1/products/" + org.product(),
				org -> Map.of("title", "P3"), ADMIN_ONLY));
		all.add(new Endpoint("delete product", "DELETE", org -> "/api/v1/products/" + org.product(), org -> null,
				ADMIN_ONLY));
		all.add(new Endpoint("create user", "POST", org -> "/api/v1/users",
				org -> Map.of("name", unique("user"), "displayName", "U", "email", "u@example.com", "timeZone", "UTC"),
				ADMIN_ONLY));
		all.add(new Endpoint("update user", "PUT", org -> "/api/v1/users/" + org.member(),
				org -> Map.of("displayName", "M", "email", "m@example.com", "timeZone", "Asia/Tokyo"), SELF));
		all.add(new Endpoint("patch user", "PATCH", org -> "/api/v1/users/" + org.member(),
				org -> Map.of("timeZone", "Europe/Oslo"), SELF));
		all.add(new Endpoint("set password", "PUT", org -> "/api/v1/users/" + org.member() + "/password",
				org -> Map.of("password", "a long enough password"), SELF));
		all.add(new Endpoint("create token", "POST", org -> "/api/v1/users/" + org.member() + "/tokens",
				org -> Map.of("name", "ci", "scopes", List.of("read")), SELF));
		all.add(new Endpoint("revoke token", "DELETE",
				org -> "/api/v1/users/" + org.member() + "/tokens/" + org.memberTokenId(), org -> null, SELF));
		all.add(new Endpoint("grant admin", "PUT", org -> "/api/v1/users/" + org.member() + "/admin",
				org -> Map.of("admin", true), ADMIN_ONLY));
		all.add(new Endpoint("set contact method", "PUT",
				org -> "/api/v1/users/" + org.member() + "/contact-methods/pager",
				org -> Map.of("type", "webhook", "address", "https://pager.example.com/hook"), SELF));
		all.add(new Endpoint("delete contact method", "DELETE",
				org -> "/api/v1/users/" + org.member() + "/contact-methods/pager", org -> null, SELF));
		all.add(new Endpoint("subscribe to a digest", "PUT",
				org -> "/api/v1/users/" + org.member() + "/digest-subscriptions/team:" + org.teamA(), org -> null,
				SELF));
		all.add(new Endpoint("unsubscribe from a digest", "DELETE", this::digestSubscription, org -> null, SELF));
		all.add(new Endpoint("replace notification rules", "PUT",
				org -> "/api/v1/users/" + org.member() + "/notification-rules",
				org -> Map.of("rules", List.of(Map.of("after", "PT5M", "contactMethod", "pager"))), SELF));
		all.addAll(onCallEndpoints());
		all.addAll(incidentEndpoints());
		all.addAll(deploymentEndpoints());
		all.addAll(environmentEndpoints());
		all.addAll(windowEndpoints());
		all.addAll(changeEndpoints());
		all.addAll(sloEndpoints());
		all.addAll(monitoringEndpoints());
		all.addAll(agreementEndpoints());
		all.addAll(apiEndpoints());
		all.addAll(dataEndpoints());
		return all;
	}

	private List<Endpoint> onCallEndpoints() {
		Function<Org, Map<String, Object>> schedule = org -> Map.of("team", org.teamA(), "timeZone", "UTC", "layers",
				List.of(Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "P1D", "users", List.of(org.member()))));
		Function<Org, Map<String, Object>> policy = org -> Map.of("team", org.teamA(), "levels", List
			.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "schedule", "name", org.schedule())))));
		return List.of(
				new Endpoint("create schedule", "POST", org -> "/api/v1/schedules",
						org -> named(schedule.apply(org), "sched"), OWNERS),
				new Endpoint("update schedule", "PUT", org -> "/api/v1/schedules/" + org.schedule(), schedule::apply,
						OWNERS),
				new Endpoint("patch schedule", "PATCH", org -> "/api/v1/schedules/" + org.schedule(),
						org -> Map.of("timeZone", "Asia/Tokyo"), OWNERS),
				new Endpoint("delete schedule", "DELETE", org -> "/api/v1/schedules/" + org.schedule(), org -> null,
						OWNERS),
				new Endpoint("add override", "POST", org -> "/api/v1/schedules/" + org.schedule() + "/overrides",
						org -> Map.of("user", org.lead(), "start", "2027-01-02T00:00:00Z", "end",
								"2027-01-03T00:00:00Z"),
						OWNERS),
				new Endpoint("remove override", "DELETE",
						org -> "/api/v1/schedules/" + org.schedule() + "/overrides/" + org.overrideId(), org -> null,
						OWNERS),
				new Endpoint("create escalation policy", "POST", org -> "/api/v1/escalation-policies",
						org -> named(policy.apply(org), "policy"), OWNERS),
				new Endpoint("update escalation policy", "PUT", org -> "/api/v1/escalation-policies/" + org.policy(),
						policy::apply, OWNERS),
				new Endpoint("patch escalation policy", "PATCH", org -> "/api/v1/escalation-policies/" + org.policy(),
						org -> Map.of("repeat", 1), OWNERS),
				new Endpoint("delete escalation policy", "DELETE", org -> "/api/v1/escalation-policies/" + org.policy(),
						org -> null, OWNERS),
				new Endpoint("name escalation policy", "PUT",
						org -> "/api/v1/services/" + org.service() + "/escalation-policy",
						org -> Map.of("policy", org.policy()), OWNERS),
				new Endpoint("remove escalation policy", "DELETE",
						org -> "/api/v1/services/" + org.service() + "/escalation-policy", org -> null, OWNERS));
	}

	private List<Endpoint> incidentEndpoints() {
		Function<Org, String> incident = org -> "/api/v1/incidents/" + org.incident();
		return List.of(new Endpoint("create integration key", "POST",
				org -> "/api/v1/services/" + org.service() + "/integration-keys", org -> Map.of("name", "CI"), OWNERS),
				new Endpoint("revoke integration key", "DELETE",
						org -> "/api/v1/services/" + org.service() + "/integration-keys/" + org.keyId(), org -> null,
						OWNERS),
				new Endpoint("open incident", "POST", org -> "/api/v1/incidents",
						org -> Map.of("service", org.service(), "title", "By hand", "severity", "warning"), OWNERS),
				new Endpoint("acknowledge incident", "POST", org -> incident.apply(org) + "/acknowledge", org -> null,
						OWNERS),
				new Endpoint("resolve incident", "POST", org -> incident.apply(org) + "/resolve", org -> null, OWNERS),
				new Endpoint("add incident note", "POST", org -> incident.apply(org) + "/notes",
						org -> Map.of("text", "Investigating"), OWNERS),
				new Endpoint("reassign incident", "POST", org -> incident.apply(org) + "/reassign",
						org -> Map.of("user", org.member()), OWNERS),
				new Endpoint("write postmortem", "PUT",
						org -> "/api/v1/incidents/" + org.resolvedIncident() + "/postmortem",
						org -> Map.of("status", "draft", "actionItems", List.of()), OWNERS));
	}

	private List<Endpoint> deploymentEndpoints() {
		Function<Org, String> hooks = org -> "/api/v1/services/" + org.service() + "/deployment-hooks";
		return List.of(
				new Endpoint("request deployment", "POST", org -> "/api/v1/deployments",
						org -> Map.of("service", org.service(), "environment", deploymentEnvironment(), "version",
								"1.0.0"),
						OWNERS),
				new Endpoint("report node progress", "POST", org -> deployment(org, false) + "/nodes/a",
						org -> Map.of("status", "updating"), OWNERS),
				new Endpoint("verify deployment", "POST", org -> deployment(org, false) + "/verify",
						org -> Map.of("passed", true), OWNERS),
				new Endpoint("fail deployment", "POST", org -> deployment(org, false) + "/fail",
						org -> Map.of("reason", "Broken build"), OWNERS),
				new Endpoint("roll back deployment", "POST", org -> deployment(org, false) + "/rollback", org -> null,
						OWNERS),
				new Endpoint("finish rolling back", "POST", org -> deployment(org, true) + "/rolled-back", org -> null,
						OWNERS),
				new Endpoint("set service instance", "PUT",
						org -> "/api/v1/services/" + org.service() + "/instances/" + deploymentEnvironment(),
						org -> Map.of("url", "https://a.example.com", "nodes", List.of("a")), OWNERS),
				new Endpoint("delete service instance", "DELETE", this::serviceInstance, org -> null, OWNERS),
				new Endpoint("add deployment hook", "POST", hooks,
						org -> Map.of("name", "ci", "url", "https://ci.example.com/hook"), OWNERS),
				new Endpoint("remove deployment hook", "DELETE", this::deploymentHook, org -> null, OWNERS));
	}

	/** The environment deployments go to, one for all organizations. */
	private synchronized String deploymentEnvironment() {
		if (this.deploymentEnvironment == null) {
			this.deploymentEnvironment = environment("non-production", false);
		}
		return this.deploymentEnvironment;
	}

	/**
	 * The path of the organization's deployment in progress (or rolling back), made once
	 * for all callers of that organization.
	 */
	private String deployment(Org org, boolean rollingBack) {
		return this.fixtures.computeIfAbsent(List.of(org, "deployment", rollingBack), key -> {
			String path = "/api/v1/deployments/"
					+ created(this.api.post("/api/v1/deployments", Map.of("service", org.service(), "environment",
							deploymentEnvironment(), "version", "1.0.0", "nodes", List.of("a"))))
						.json()
						.path("id")
						.asLong();
			if (rollingBack) {
				ok(this.api.post(path + "/rollback", null));
			}
			return path;
		});
	}

	private String serviceInstance(Org org) {
		return this.fixtures.computeIfAbsent(List.of(org, "instance"), key -> {
			String path = "/api/v1/services/" + org.service() + "/instances/" + deploymentEnvironment();
			created(this.api.put(path, Map.of("nodes", List.of("a"))));
			return path;
		});
	}

	private String deploymentHook(Org org) {
		return this.fixtures.computeIfAbsent(List.of(org, "hook"), key -> {
			created(this.api.post("/api/v1/services/" + org.service() + "/deployment-hooks",
					Map.of("name", "argo", "url", "https://argo.example.com/hook")));
			return "/api/v1/services/" + org.service() + "/deployment-hooks/argo";
		});
	}

	/**
	 * Members of the owning team move a change along; only its leads (and admins) approve
	 * it.
	 */
	private List<Endpoint> changeEndpoints() {
		return List.of(new Endpoint("file change", "POST", org -> "/api/v1/changes", this::changeRequest, OWNERS),
				new Endpoint("submit change", "POST", org -> change(org, "draft") + "/submit", org -> null, OWNERS),
				new Endpoint("approve change", "POST", org -> change(org, "submitted") + "/approve", org -> null,
						LEADS),
				new Endpoint("start change", "POST", org -> change(org, "approved") + "/start", org -> null, OWNERS),
				new Endpoint("complete change", "POST", org -> change(org, "in-progress") + "/complete",
						org -> Map.of("note", "Done"), OWNERS),
				new Endpoint("fail change", "POST", org -> change(org, "in-progress") + "/fail", org -> null, OWNERS),
				new Endpoint("cancel change", "POST", org -> change(org, "draft") + "/cancel", org -> null, OWNERS));
	}

	/**
	 * A change of the organization's service, planned from a minute ago for two hours.
	 */
	private Map<String, Object> changeRequest(Org org) {
		Instant now = this.clock.instant();
		return Map.of("service", org.service(), "category", "dns", "description", "Lower the TTL", "risk", "low",
				"environment", deploymentEnvironment(), "plannedStart", now.minusSeconds(60).toString(), "plannedEnd",
				now.plusSeconds(7200).toString(), "rollbackPlan", "Raise it again");
	}

	/**
	 * The path of the organization's change brought to {@code status}, made once per
	 * organization.
	 */
	private String change(Org org, String status) {
		return this.fixtures.computeIfAbsent(List.of(org, "change", status), key -> {
			String path = "/api/v1/changes/"
					+ created(this.api.post("/api/v1/changes", changeRequest(org))).json().path("id").asLong();
			List<String> steps = List.of("submit", "approve", "start");
			int stepsNeeded = List.of("draft", "submitted", "approved", "in-progress").indexOf(status);
			steps.subList(0, stepsNeeded).forEach(step -> ok(this.api.post(path + "/" + step, null)));
			return path;
		});
	}

	/** A service's SLOs and their counts are its owners' to change. */
	private List<Endpoint> sloEndpoints() {
		Function<Org, String> slos = org -> "/api/v1/services/" + org.service() + "/slos";
		Function<Org, Map<String, Object>> definition = org -> Map.of("indicator", "availability", "objective", 99.9,
				"window", "P30D");
		return List.of(new Endpoint("define SLO", "POST", slos, org -> named(definition.apply(org), "slo"), OWNERS),
				new Endpoint("update SLO", "PUT", org -> slo(org), definition::apply, OWNERS),
				new Endpoint("patch SLO", "PATCH", org -> slo(org), org -> Map.of("objective", 99.5), OWNERS),
				new Endpoint("delete SLO", "DELETE", org -> slo(org), org -> null, OWNERS),
				new Endpoint("push SLI counts", "POST", org -> slo(org) + "/samples",
						org -> Map.of("samples",
								List.of(Map.of("at", this.clock.instant().toString(), "good", 9, "total", 10))),
						OWNERS));
	}

	/** The path of the organization's SLO, made once per organization. */
	private String slo(Org org) {
		return this.fixtures.computeIfAbsent(List.of(org, "slo"), key -> {
			String path = "/api/v1/services/" + org.service() + "/slos";
			created(this.api.post(path,
					Map.of("name", "availability", "indicator", "availability", "objective", 99.9, "window", "P30D")));
			return path + "/availability";
		});
	}

	/**
	 * Monitors and reviews are the owning team's (or the team that accepted the service's
	 * monitoring; the delegate here was given its databases only).
	 */
	private List<Endpoint> monitoringEndpoints() {
		Function<Org, String> monitors = org -> "/api/v1/services/" + org.service() + "/monitors";
		return List.of(
				new Endpoint("add monitor", "POST", monitors,
						org -> Map.of("name", "checkout-errors", "watches", "errors"), OWNERS),
				new Endpoint("replace monitor", "PUT", org -> monitors.apply(org) + "/latency-p99",
						org -> Map.of("watches", "latency", "link", "https://grafana.example.com/d/p99"), OWNERS),
				new Endpoint("remove monitor", "DELETE", this::monitor, org -> null, OWNERS),
				new Endpoint("record monitoring review", "POST",
						org -> "/api/v1/services/" + org.service() + "/monitoring-reviews",
						org -> Map.of("findings", "Alerts reach the on-call engineer"), OWNERS));
	}

	private String monitor(Org org) {
		return this.fixtures.computeIfAbsent(List.of(org, "monitor"), key -> {
			String path = "/api/v1/services/" + org.service() + "/monitors/saturation";
			created(this.api.put(path, Map.of("watches", "saturation")));
			return path;
		});
	}

	/**
	 * The member's subscription to the organization's digest, made once per organization.
	 */
	private String digestSubscription(Org org) {
		String path = "/api/v1/users/" + org.member() + "/digest-subscriptions/organization";
		return this.fixtures.computeIfAbsent(List.of(org, "digest"), key -> {
			created(this.api.put(path, null));
			return path;
		});
	}

	/**
	 * APIs and their versions are the owning team's (or the team that accepted the
	 * service's API design); a consuming service's team declares its use of another's
	 * API.
	 */
	private List<Endpoint> apiEndpoints() {
		Function<Org, String> versions = org -> api(org, org.service(), "versions") + "/versions";
		return List.of(
				new Endpoint("register API", "POST", org -> "/api/v1/services/" + org.service() + "/apis",
						org -> Map.of("name", unique("api"), "visibility", "internal", "type", "openapi"), OWNERS),
				new Endpoint("replace API", "PUT", org -> api(org, org.service(), "put"),
						org -> Map.of("visibility", "external", "type", "openapi"), OWNERS),
				new Endpoint("patch API", "PATCH", org -> api(org, org.service(), "patch"),
						org -> Map.of("description", "Orders"), OWNERS),
				new Endpoint("delete API", "DELETE", org -> api(org, org.service(), "delete"), org -> null, OWNERS),
				new Endpoint("publish API version", "POST", versions,
						org -> Map.of("version", "1.1.0", "spec", OPENAPI), OWNERS),
				new Endpoint("publish API draft", "POST", org -> draft(org) + "/publish", org -> null, OWNERS),
				new Endpoint("deprecate API version", "POST", org -> versions.apply(org) + "/1.0.0/deprecate",
						org -> Map.of("sunset",
								LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(30).toString()),
						OWNERS),
				new Endpoint("retire API version", "POST", org -> deprecated(org) + "/retire", org -> null, OWNERS),
				new Endpoint("declare API consumer", "PUT",
						org -> api(org, org.provider(), "consumed") + "/consumers/" + org.service(),
						org -> Map.of("major", 1), OWNERS),
				new Endpoint("remove API consumer", "DELETE", this::consumer, org -> null, OWNERS));
	}

	private static final String OPENAPI = """
			openapi: 3.0.3
			info: {title: Orders, version: 1.0.0}
			paths:
			  /orders:
			    get:
			      responses:
			        '200': {description: The orders}
			""";

	/**
	 * An API of {@code service} with version 1.0.0 published, one per organization and
	 * use.
	 */
	private String api(Org org, String service, String use) {
		return this.fixtures.computeIfAbsent(List.of(org, "api", service, use), key -> {
			String name = unique("api");
			created(this.api.post("/api/v1/services/" + service + "/apis",
					Map.of("name", name, "visibility", "internal", "type", "openapi")));
			created(this.api.post("/api/v1/apis/" + name + "/versions", Map.of("version", "1.0.0", "spec", OPENAPI)));
			return "/api/v1/apis/" + name;
		});
	}

	private String draft(Org org) {
		String path = api(org, org.service(), "draft") + "/versions";
		return this.fixtures.computeIfAbsent(List.of(org, "api-draft"), key -> {
			created(this.api.post(path, Map.of("version", "1.2.0", "spec", OPENAPI, "status", "draft")));
			return path + "/1.2.0";
		});
	}

	private String deprecated(Org org) {
		String path = api(org, org.service(), "retire") + "/versions/1.0.0";
		return this.fixtures.computeIfAbsent(List.of(org, "api-deprecated"), key -> {
			ok(this.api.post(path + "/deprecate", Map.of("sunset",
					LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(1).toString())));
			return path;
		});
	}

	private String consumer(Org org) {
		String path = api(org, org.provider(), "consumer") + "/consumers/" + org.service();
		return this.fixtures.computeIfAbsent(List.of(org, "api-consumer"), key -> {
			assertThat(this.api.put(path, Map.of("major", 1)).status()).isEqualTo(201);
			return path;
		});
	}

	/**
	 * Datastores are their owning service's team's (or the team that accepted its data);
	 * a service's team declares the service's own direct access.
	 */
	private List<Endpoint> dataEndpoints() {
		return List.of(
				new Endpoint("declare datastore", "POST", org -> "/api/v1/datastores",
						org -> datastoreRequest(unique("ds"), org.service()), OWNERS),
				new Endpoint("replace datastore", "PUT", org -> datastore(org, org.service(), "put"),
						org -> datastoreRequest(null, org.service()), OWNERS),
				new Endpoint("patch datastore", "PATCH", org -> datastore(org, org.service(), "patch"),
						org -> Map.of("retentionDays", 30), OWNERS),
				new Endpoint("delete datastore", "DELETE", org -> datastore(org, org.service(), "delete"), org -> null,
						OWNERS),
				new Endpoint("record datastore schema", "POST",
						org -> datastore(org, org.service(), "schema") + "/schemas",
						org -> Map.of("name", "orders", "version", "1", "document", "create table orders (id int)"),
						OWNERS),
				new Endpoint("declare datastore access", "PUT", org -> access(org, "put"),
						org -> Map.of("mode", "read"), OWNERS),
				new Endpoint("remove datastore access", "DELETE", this::declaredAccess, org -> null, OWNERS));
	}

	private static Map<String, Object> datastoreRequest(String name, String owner) {
		Map<String, Object> request = new java.util.HashMap<>(
				Map.of("owner", owner, "kind", "postgresql", "classification", "internal", "pii", false));
		if (name != null) {
			request.put("name", name);
		}
		return request;
	}

	/** A datastore owned by {@code service}, one per organization and use. */
	private String datastore(Org org, String service, String use) {
		return this.fixtures.computeIfAbsent(List.of(org, "datastore", service, use), key -> {
			String name = unique("ds");
			created(this.api.post("/api/v1/datastores", datastoreRequest(name, service)));
			return "/api/v1/datastores/" + name;
		});
	}

	/** S's direct access to a datastore of P's, declared once per organization. */
	private String declaredAccess(Org org) {
		String path = access(org, "delete");
		return this.fixtures.computeIfAbsent(List.of(org, "access"), key -> {
			created(this.api.put(path, Map.of("mode", "write")));
			return path;
		});
	}

	/** The path of S's direct access to a datastore of P's. */
	private String access(Org org, String use) {
		String datastore = datastore(org, org.provider(), "access-" + use);
		return "/api/v1/services/" + org.service() + "/datastore-access/"
				+ datastore.substring(datastore.lastIndexOf('/') + 1);
	}

	/**
	 * Either owning team proposes an SLA agreement (A's S consumes B's P) and withdraws
	 * it; only the side that did not propose it (here B, as an admin proposed for the
	 * consumer) accepts or counters it.
	 */
	private List<Endpoint> agreementEndpoints() {
		Set<Caller> eitherSide = EnumSet.of(Caller.ADMIN, Caller.OWNER_LEAD, Caller.OWNER_MEMBER, Caller.OUTSIDER);
		Set<Caller> providerSide = EnumSet.of(Caller.ADMIN, Caller.OUTSIDER);
		return List.of(
				new Endpoint("propose SLA agreement", "POST", org -> "/api/v1/sla-agreements", this::agreementRequest,
						eitherSide),
				new Endpoint("accept SLA agreement", "POST", org -> agreement(org, "accept") + "/accept", org -> null,
						providerSide),
				new Endpoint("counter SLA agreement", "POST", org -> agreement(org, "counter") + "/counter",
						org -> Map.of("objectives", agreementRequest(org).get("objectives")), providerSide),
				new Endpoint("withdraw SLA agreement", "POST", org -> agreement(org, "withdraw") + "/withdraw",
						org -> null, eitherSide));
	}

	private Map<String, Object> agreementRequest(Org org) {
		return Map.of("provider", org.provider(), "consumer", org.service(), "objectives",
				List.of(Map.of("indicator", "availability", "objective", 99.5, "window", "P30D")));
	}

	/**
	 * The path of an SLA agreement an administrator proposed for the consumer side, one
	 * per organization and endpoint (each endpoint's refused callers share one).
	 */
	private String agreement(Org org, String endpoint) {
		return this.fixtures.computeIfAbsent(List.of(org, "agreement", endpoint), key -> {
			return "/api/v1/sla-agreements/"
					+ created(this.api.post("/api/v1/sla-agreements", agreementRequest(org))).json()
						.path("id")
						.asLong();
		});
	}

	private List<Endpoint> environmentEndpoints() {
		Function<Org, String> environment = org -> "/api/v1/environments/" + org.environment();
		return List.of(
				new Endpoint("create environment", "POST", org -> "/api/v1/environments",
						org -> Map.of("name", unique("env"), "kind", "non-production", "order", environmentOrder()),
						ADMIN_ONLY),
				new Endpoint("update environment", "PUT", environment,
						org -> Map.of("kind", "non-production", "order", environmentOrder()), ADMIN_ONLY),
				new Endpoint("patch environment", "PATCH", environment, org -> Map.of("title", "QA"), ADMIN_ONLY),
				new Endpoint("delete environment", "DELETE", environment, org -> null, ADMIN_ONLY));
	}

	/**
	 * Windows of a service are its owners' to change; company-wide ones (far in the
	 * future, so they close no other test's gate) are the administrators'.
	 */
	private List<Endpoint> windowEndpoints() {
		Function<Org, Map<String, Object>> serviceWindow = org -> Map.of("scope", "service:" + org.service(), "kind",
				"deny", "start", "2050-06-01T00:00:00Z", "end", "2050-06-01T01:00:00Z", "timeZone", "UTC");
		Function<Org, Map<String, Object>> companyWindow = org -> Map.of("scope", "company", "kind", "deny", "start",
				"2050-06-02T00:00:00Z", "end", "2050-06-02T01:00:00Z", "timeZone", "UTC");
		Function<Org, String> ofService = org -> "/api/v1/windows/" + org.serviceWindow();
		Function<Org, String> ofCompany = org -> "/api/v1/windows/" + org.companyWindow();
		return List.of(
				new Endpoint("create service window", "POST", org -> "/api/v1/windows",
						org -> named(serviceWindow.apply(org), "win"), OWNERS),
				new Endpoint("update service window", "PUT", ofService, serviceWindow::apply, OWNERS),
				new Endpoint("patch service window", "PATCH", ofService, org -> Map.of("reason", "Migration"), OWNERS),
				new Endpoint("delete service window", "DELETE", ofService, org -> null, OWNERS),
				new Endpoint("create company window", "POST", org -> "/api/v1/windows",
						org -> named(companyWindow.apply(org), "win"), ADMIN_ONLY),
				new Endpoint("update company window", "PUT", ofCompany, companyWindow::apply, ADMIN_ONLY),
				new Endpoint("patch company window", "PATCH", ofCompany, org -> Map.of("reason", "Audit"), ADMIN_ONLY),
				new Endpoint("delete company window", "DELETE", ofCompany, org -> null, ADMIN_ONLY));
	}

	private static Map<String, Object> named(Map<String, Object> body, String prefix) {
		Map<String, Object> named = new java.util.HashMap<>(body);
		named.put("name", unique(prefix));
		return named;
	}

	@TestFactory
	Stream<DynamicTest> everyMutatingEndpointAdmitsOnlyWhomItsRuleNames() {
		Map<String, Org> refusedOrganizations = new java.util.HashMap<>();
		return endpoints().stream()
			.flatMap(endpoint -> EnumSet.allOf(Caller.class)
				.stream()
				.map(caller -> DynamicTest.dynamicTest(endpoint.name() + " as " + caller, () -> {
					boolean allowed = endpoint.allowed().contains(caller) && caller != Caller.ANONYMOUS;
					Org org = allowed ? organization()
							: refusedOrganizations.computeIfAbsent(endpoint.name(), name -> organization());
					Reply reply = org.clients()
						.get(caller)
						.send(endpoint.method(), endpoint.path().apply(org), endpoint.body().apply(org),
								"PATCH".equals(endpoint.method())
										? Map.of("Content-Type", "application/merge-patch+json") : Map.of());
					if (caller == Caller.ANONYMOUS) {
						assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
					}
					else if (allowed) {
						assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
					}
					else {
						assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
						assertThat(reply.json().path("detail").asString()).isNotBlank();
					}
				})));
	}

	@TestFactory
	Stream<DynamicTest> everyCallerWithAReadingScopeReadsEverything() {
		Org org = organization();
		return Stream.of(Caller.OWNER_LEAD, Caller.OUTSIDER, Caller.DELEGATE, Caller.READ_ONLY)
			.flatMap(caller -> Stream
				.of("/api/v1/services/" + org.service(), "/api/v1/teams/" + org.teamA(), "/api/v1/users",
						"/api/v1/services/" + org.service() + "/responsibilities", "/api/v1/audit")
				.map(path -> DynamicTest.dynamicTest(caller + " reads " + path,
						() -> assertThat(org.clients().get(caller).get(path).status()).isEqualTo(200))));
	}

	private Org organization() {
		String lead = user();
		String member = user();
		String outsider = user();
		String delegate = user();
		String newcomer = user();
		String teamA = team("stream", List.of(Map.of("user", lead, "role", "lead"), Map.of("user", member)));
		String teamB = team("stream", List.of(Map.of("user", outsider, "role", "lead")));
		String teamD = team("shared", List.of(Map.of("user", delegate, "role", "lead")));
		String emptyTeam = team();
		String service = service(teamA, 2);
		String transferring = service(teamA, 3);
		String provider = service(teamB, 2);
		created(this.api.put("/api/v1/services/" + service + "/dependencies/" + provider,
				Map.of("criticality", "hard")));
		created(this.api.put("/api/v1/teams/" + teamA + "/members/" + newcomer, Map.of("role", "member")));
		created(this.api.put("/api/v1/users/" + member + "/contact-methods/pager",
				Map.of("type", "email", "address", member + "@pager.example.com")));
		this.api.put("/api/v1/services/" + service + "/responsibilities/databases", Map.of("handledBy", teamD));
		String transferId = created(
				this.api.post("/api/v1/services/" + transferring + "/transfers", Map.of("toTeam", teamB)))
			.json()
			.path("id")
			.asString();
		String product = unique("product");
		created(this.api.post("/api/v1/products", Map.of("name", product, "title", "Product")));
		String schedule = unique("sched");
		created(this.api.post("/api/v1/schedules", Map.of("name", schedule, "team", teamA, "timeZone", "UTC", "layers",
				List.of(Map.of("start", "2027-01-01T00:00:00Z", "turnLength", "P1D", "users", List.of(lead))))));
		long overrideId = created(this.api.post("/api/v1/schedules/" + schedule + "/overrides",
				Map.of("user", member, "start", "2027-01-05T00:00:00Z", "end", "2027-01-06T00:00:00Z")))
			.json()
			.path("id")
			.asLong();
		String policy = unique("policy");
		created(this.api.post("/api/v1/escalation-policies", Map.of("name", policy, "team", teamA, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "user", "name", lead)))))));
		String keyId = created(this.api.post("/api/v1/services/" + service + "/integration-keys", Map.of())).json()
			.path("id")
			.asString();
		long incident = created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Something is off", "severity", "warning")))
			.json()
			.path("number")
			.asLong();
		long resolvedIncident = created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "It was down", "severity", "critical")))
			.json()
			.path("number")
			.asLong();
		ok(this.api.post("/api/v1/incidents/" + resolvedIncident + "/resolve", null));
		standardEnvironments();
		String environment = environment("non-production", false);
		String serviceWindow = unique("win");
		created(this.api.post("/api/v1/windows", Map.of("name", serviceWindow, "scope", "service:" + service, "kind",
				"deny", "start", "2050-07-01T00:00:00Z", "end", "2050-07-01T01:00:00Z", "timeZone", "UTC")));
		String companyWindow = unique("win");
		created(this.api.post("/api/v1/windows", Map.of("name", companyWindow, "scope", "company", "kind", "deny",
				"start", "2050-07-02T00:00:00Z", "end", "2050-07-02T01:00:00Z", "timeZone", "UTC")));
		Map<Caller, ApiClient> clients = new java.util.EnumMap<>(Caller.class);
		clients.put(Caller.ADMIN, this.api);
		clients.put(Caller.OWNER_LEAD, clientOf(lead, "write"));
		Reply memberToken = created(this.api.post("/api/v1/users/" + member + "/tokens",
				Map.of("name", "member", "scopes", List.of("read", "write"))));
		clients.put(Caller.OWNER_MEMBER, this.api.withToken(memberToken.json().path("token").asString()));
		clients.put(Caller.OUTSIDER, clientOf(outsider, "write"));
		clients.put(Caller.DELEGATE, clientOf(delegate, "write"));
		clients.put(Caller.READ_ONLY, clientOf(member, "read"));
		clients.put(Caller.ANONYMOUS, this.api.withToken(null));
		return new Org(lead, member, outsider, delegate, newcomer, teamA, teamB, teamD, emptyTeam, service,
				transferring, provider, transferId, product, memberToken.json().path("id").asString(), schedule,
				overrideId, policy, incident, keyId, resolvedIncident, environment, serviceWindow, companyWindow,
				clients);
	}

	private ApiClient clientOf(String user, String scope) {
		Reply token = created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", scope, "scopes", List.of(scope))));
		return this.api.withToken(token.json().path("token").asString());
	}

}
