package dev.steward.deployments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.Validation;
import dev.steward.deployments.Deployment.Node;
import dev.steward.deployments.Deployment.Step;
import dev.steward.deployments.DeploymentRequest.Emergency;
import dev.steward.deployments.VerificationRequest.Check;
import dev.steward.deployments.internal.DeploymentStore;
import dev.steward.deployments.internal.DeploymentStore.Row;
import dev.steward.environments.EnvironmentEntry;
import dev.steward.environments.Environments;
import dev.steward.incidents.Incidents;
import dev.steward.windows.Gate;
import dev.steward.windows.GateDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deployments: a request is checked against the promotion order and the gate (a closed
 * gate blocks it unless it is an emergency), then the pipeline reports node progress,
 * verification, failure and rollback; every transition is recorded and announced to the
 * service's deployment hooks.
 */
@Service
@Transactional
public class Deployments {

	private static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$");

	private static final Pattern COMMIT = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

	private static final TypeReference<List<Check>> CHECKS = new TypeReference<>() {
	};

	private static final int MAX_CHECKS = 100;

	private final DeploymentStore store;

	private final ServiceInstances instances;

	private final DeploymentHooks hooks;

	private final ServiceCatalog services;

	private final Environments environments;

	private final Gate gate;

	private final Incidents incidents;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	Deployments(DeploymentStore store, ServiceInstances instances, DeploymentHooks hooks, ServiceCatalog services,
			Environments environments, Gate gate, Incidents incidents, AuditTrail audit, JsonMapper json, Clock clock) {
		this.store = store;
		this.instances = instances;
		this.hooks = hooks;
		this.services = services;
		this.environments = environments;
		this.gate = gate;
		this.incidents = incidents;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Deployment deployment(long id) {
		return this.store.find(id).map(this::deployment).orElseThrow(() -> notFound(id));
	}

	@Transactional(readOnly = true)
	public Optional<String> serviceOf(long id) {
		return this.store.find(id).map(Row::service);
	}

	/**
	 * The names of the environments the service was ever deployed to (or asked to be).
	 */
	@Transactional(readOnly = true)
	public List<String> environmentsOf(String service) {
		return this.store.environments(service);
	}

	/**
	 * The first later deployment of the same service to the same environment (blocked
	 * ones aside), which replaced what this one put in place; empty for the latest.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> supersededBy(long id) {
		Row row = this.store.find(id).orElseThrow(() -> notFound(id));
		return this.store.supersededBy(id, row.service(), row.environment());
	}

	/**
	 * The outcomes of the deployments to production environments that first succeeded or
	 * failed in {@code [since, until)}, of {@code services} or of all services when it is
	 * null, in one query: the raw figures of DORA reports.
	 */
	@Transactional(readOnly = true)
	public List<DeploymentOutcome> productionOutcomes(Collection<String> services, Instant since, Instant until) {
		List<String> production = this.environments.all()
			.stream()
			.filter(EnvironmentEntry::production)
			.map(EnvironmentEntry::name)
			.toList();
		if (production.isEmpty() || (services != null && services.isEmpty())) {
			return List.of();
		}
		return this.store.outcomes(services, production, since, until).stream().filter(outcome -> {
			Instant at = outcome.outcomeAt();
			return at != null && !at.isBefore(since) && at.isBefore(until);
		}).toList();
	}

	/**
	 * How many emergency deployments (to any environment) each service requested in
	 * {@code [since, until)}, of {@code services} or of all services when it is null;
	 * services with none are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> emergencyCounts(Collection<String> services, Instant since, Instant until) {
		if (services != null && services.isEmpty()) {
			return Map.of();
		}
		return this.store.emergencies(services, since, until);
	}

	/**
	 * The latest successful deployment of each service in each of {@code environments},
	 * of one service or (when {@code service} is null) of every service, newest first.
	 */
	@Transactional(readOnly = true)
	public List<SuccessfulDeployment> latestSuccesses(Collection<String> environments, String service) {
		return this.store.latestSucceeded(environments, service)
			.stream()
			.map(row -> new SuccessfulDeployment(row.id(), row.service(), row.environment(), row.version(),
					row.rollbackTarget(), row.finishedAt()))
			.toList();
	}

	/** Deployments newest first, optionally of one service, environment or status. */
	@Transactional(readOnly = true)
	public Page<Deployment> deployments(String service, String environment, String status, Integer limit,
			String cursor) {
		Validation validation = new Validation();
		validation.oneOf("status", status, Keyed.keys(DeploymentStatus.class));
		validation.throwIfInvalid();
		int size = Cursor.limit(limit);
		return Page
			.of(this.store.page(service, environment, status, Cursor.decodeNumber(cursor), size + 1), size,
					row -> Long.toString(row.id()))
			.map(this::deployment);
	}

	/**
	 * Records a requested deployment: {@code in-progress} when the gate is open or the
	 * request is an emergency, {@code blocked} otherwise.
	 */
	public Deployment request(DeploymentRequest request) {
		Validated valid = validate(request);
		requirePromoted(valid.environment(), request.service(), request.version());
		List<Row> underWay = this.store.inStatus(request.service(), request.environment(),
				DeploymentStatus.UNDER_WAY.stream().map(Keyed::key).toList());
		if (!underWay.isEmpty()) {
			throw Conflict
				.because("Deployment " + underWay.get(0).id() + " of " + request.service() + " to "
						+ request.environment() + " is still " + underWay.get(0).status()
						+ "; finish it before starting another")
				.detail("deployment", underWay.get(0).id());
		}
		Instant now = this.clock.instant();
		GateDecision decision = this.gate.decide(request.service(), request.environment(), now);
		Emergency emergency = request.emergency();
		DeploymentStatus status = decision.open() || emergency != null ? DeploymentStatus.IN_PROGRESS
				: DeploymentStatus.BLOCKED;
		String actor = CurrentActor.name();
		long id = this.store.insert(new Row(0, request.service(), request.environment(), request.version(),
				request.commit(), valid.commitTime(), valid.strategy().key(), valid.maxUnavailable(), status.key(),
				this.store.lastSucceeded(request.service(), request.environment()).orElse(null),
				this.json.writeValueAsString(decision), emergency == null ? null : emergency.justification(),
				emergency == null ? null : emergency.incident(), null, null, null, actor, now,
				status == DeploymentStatus.BLOCKED ? now : null, valid.nodes().isEmpty(), 0));
		for (int i = 0; i < valid.nodes().size(); i++) {
			this.store.addNode(id, valid.nodes().get(i), i, NodeStatus.PENDING.key(), null);
		}
		this.store.addStep(id, now, DeploymentStatus.REQUESTED.key(), actor, "Version " + request.version());
		this.store.addStep(id, now, status.key(), actor, startDetail(decision, emergency));
		Deployment deployment = deployment(id);
		this.audit.record(
				emergency != null && !decision.open() ? "deployment.emergency-override" : "deployment." + status.key(),
				Long.toString(id), request.service(), null, deployment);
		this.hooks.announce(deployment, "deployment." + status.key());
		return deployment;
	}

	/**
	 * A node's progress; more than {@code maxUnavailable} nodes down at once is refused.
	 */
	public Deployment node(long id, String node, String statusKey) {
		Validation validation = new Validation();
		NodeStatus status = validation.keyed("status", statusKey, NodeStatus.class, true);
		if (status == NodeStatus.PENDING) {
			validation.error("status", "must be updating, updated or failed");
		}
		validation.throwIfInvalid();
		Row row = lock(id);
		requireStatus(row, "report node progress", Set.of(DeploymentStatus.IN_PROGRESS));
		List<DeploymentStore.NodeRow> nodes = this.store.nodes(id);
		Optional<DeploymentStore.NodeRow> current = nodes.stream().filter(n -> n.node().equals(node)).findFirst();
		Instant now = this.clock.instant();
		if (current.isEmpty()) {
			if (!row.nodesReported()) {
				throw NotFound.because("Deployment " + id + " has no node '" + node + "'; its nodes are "
						+ nodes.stream().map(DeploymentStore.NodeRow::node).toList());
			}
			Validation name = new Validation();
			ServiceInstances.validateNodes(name, "node", List.of(node));
			name.throwIfInvalid();
		}
		if (status == NodeStatus.UPDATING) {
			long unavailable = nodes.stream()
				.filter(n -> !n.node().equals(node))
				.filter(n -> status(NodeStatus.class, n.status()).unavailable())
				.count();
			if (unavailable >= row.maxUnavailable()) {
				throw Conflict
					.because("Deployment " + id + " already has " + unavailable + " node(s) updating or failed; "
							+ "at most " + row.maxUnavailable() + " may be unavailable at once")
					.detail("maxUnavailable", row.maxUnavailable());
			}
		}
		if (current.isEmpty()) {
			this.store.addNode(id, node, nodes.size(), status.key(), now);
			this.store.addStep(id, now, row.status(), CurrentActor.name(), "Node " + node + " " + status.key());
			this.store.touch(id);
			return deployment(id);
		}
		this.store.setNode(id, node, status.key(), now);
		this.store.addStep(id, now, row.status(), CurrentActor.name(), "Node " + node + " " + status.key());
		boolean allUpdated = this.store.nodes(id).stream().allMatch(n -> NodeStatus.UPDATED.key().equals(n.status()));
		if (allUpdated) {
			return move(row, DeploymentStatus.VERIFYING, "Every node updated", null);
		}
		this.store.touch(id);
		return deployment(id);
	}

	/**
	 * The pipeline's verification: passed → {@code succeeded}, not passed →
	 * {@code failed}.
	 */
	public Deployment verify(long id, VerificationRequest request) {
		Validation validation = new Validation();
		validation.required("passed", request.passed());
		List<Check> checks = request.checks() == null ? List.of() : request.checks();
		if (checks.size() > MAX_CHECKS) {
			validation.error("checks", "must hold at most " + MAX_CHECKS + " checks");
		}
		for (int i = 0; i < checks.size() && checks.size() <= MAX_CHECKS; i++) {
			Check check = checks.get(i);
			if (check == null || !validation.required("checks[" + i + "].name", check.name())) {
				continue;
			}
			validation.maxLength("checks[" + i + "].name", check.name(), 200);
			validation.required("checks[" + i + "].passed", check.passed());
			validation.maxLength("checks[" + i + "].detail", check.detail(), 2000);
		}
		validation.throwIfInvalid();
		Row row = lock(id);
		requireStatus(row, "verify", Set.of(DeploymentStatus.IN_PROGRESS, DeploymentStatus.VERIFYING));
		String checksJson = this.json.writeValueAsString(checks);
		if (request.passed()) {
			this.store.transition(id, row.status(), null, null, null, checksJson);
			this.instances.recordVersion(row.service(), row.environment(), row.version(), this.clock.instant());
			return move(row, DeploymentStatus.SUCCEEDED, "Verification passed", null);
		}
		this.store.transition(id, row.status(), null, null, null, checksJson);
		String failed = checks.stream()
			.filter(check -> !Boolean.TRUE.equals(check.passed()))
			.map(Check::name)
			.reduce((a, b) -> a + ", " + b)
			.map(names -> "Verification failed: " + names)
			.orElse("Verification failed");
		return move(row, DeploymentStatus.FAILED, failed, failed);
	}

	/** The deployment failed for a reason the pipeline (or a person) gives. */
	public Deployment fail(long id, String reason) {
		Row row = lock(id);
		requireStatus(row, "fail", Set.of(DeploymentStatus.IN_PROGRESS, DeploymentStatus.VERIFYING));
		String text = reason(reason, "Failed");
		return move(row, DeploymentStatus.FAILED, text, text);
	}

	/**
	 * Asks for the previous version back; the pipeline reports {@code rolled-back} when
	 * done. Only the latest deployment to the environment (blocked ones aside) can be
	 * rolled back: going back from an earlier one would put the version before that one
	 * in place of whatever the latest deployed.
	 */
	public Deployment rollback(long id, String reason) {
		Row row = lock(id);
		requireStatus(row, "roll back", Set.of(DeploymentStatus.IN_PROGRESS, DeploymentStatus.VERIFYING,
				DeploymentStatus.FAILED, DeploymentStatus.SUCCEEDED));
		this.store.supersededBy(id, row.service(), row.environment()).ifPresent(later -> {
			throw Conflict
				.because("Deployment " + id + " was superseded by deployment " + later + " of " + row.service() + " to "
						+ row.environment() + "; roll back the latest deployment instead")
				.detail("deployment", later);
		});
		String text = reason(reason, "Rollback requested")
				+ (row.rollbackTarget() == null ? "" : " (back to " + row.rollbackTarget() + ")");
		return move(row, DeploymentStatus.ROLLING_BACK, text, null);
	}

	/** The pipeline finished rolling back: the rollback target runs again. */
	public Deployment rolledBack(long id) {
		Row row = lock(id);
		requireStatus(row, "finish rolling back", Set.of(DeploymentStatus.ROLLING_BACK));
		if (row.rollbackTarget() != null) {
			this.instances.recordVersion(row.service(), row.environment(), row.rollbackTarget(), this.clock.instant());
		}
		return move(row, DeploymentStatus.ROLLED_BACK,
				row.rollbackTarget() == null ? "Rolled back" : "Rolled back to " + row.rollbackTarget(), null);
	}

	/**
	 * Fails every deployment of the service that is still being rolled out or verified
	 * and asks for its rollback, because an SLO of the service burns too fast.
	 */
	public List<Deployment> failForBurningSlo(String service, String slo, double burnRate) {
		List<Deployment> failed = new ArrayList<>();
		List<String> statuses = List.of(DeploymentStatus.IN_PROGRESS.key(), DeploymentStatus.VERIFYING.key());
		for (Row candidate : this.store.inStatus(service, null, statuses)) {
			Row row = lock(candidate.id());
			if (!statuses.contains(row.status())) {
				continue;
			}
			String reason = String.format(java.util.Locale.ROOT,
					"SLO '%s' burns its error budget %.1f× too fast during verification", slo, burnRate);
			Row afterFailure = lock(move(row, DeploymentStatus.FAILED, reason, reason).id());
			failed.add(move(afterFailure, DeploymentStatus.ROLLING_BACK, "Automatic rollback: " + reason, reason));
		}
		return failed;
	}

	private Deployment move(Row row, DeploymentStatus to, String detail, String failureReason) {
		Instant now = this.clock.instant();
		boolean rollback = to == DeploymentStatus.ROLLING_BACK;
		this.store.transition(row.id(), to.key(), to.finished() ? now : null, failureReason, rollback ? detail : null,
				null);
		this.store.addStep(row.id(), now, to.key(), CurrentActor.name(), detail);
		Deployment after = deployment(row.id());
		this.audit.record("deployment." + to.key(), Long.toString(row.id()), row.service(), row.status(), to.key());
		this.hooks.announce(after, rollback ? "deployment.rollback-requested" : "deployment." + to.key());
		return after;
	}

	private Row lock(long id) {
		return this.store.lock(id).orElseThrow(() -> notFound(id));
	}

	private static void requireStatus(Row row, String action, Set<DeploymentStatus> allowed) {
		DeploymentStatus status = status(DeploymentStatus.class, row.status());
		if (!allowed.contains(status)) {
			throw Conflict
				.because("Cannot " + action + " deployment " + row.id() + " while it is " + status.key()
						+ "; that is possible only when it is "
						+ allowed.stream().map(Keyed::key).sorted().reduce((a, b) -> a + " or " + b).orElseThrow())
				.detail("currentStatus", status.key());
		}
	}

	private void requirePromoted(EnvironmentEntry environment, String service, String version) {
		if (!environment.promotionRequired()) {
			return;
		}
		Optional<EnvironmentEntry> previous = this.environments.previous(environment.name());
		if (previous.isPresent() && !this.store.succeeded(service, previous.get().name(), version)) {
			throw Conflict
				.because("Version " + version + " of " + service + " has not succeeded in '" + previous.get().name()
						+ "', the environment before '" + environment.name() + "' in the promotion order")
				.detail("requiredEnvironment", previous.get().name());
		}
	}

	private Validated validate(DeploymentRequest request) {
		Validation validation = new Validation();
		validation.name("service", request.service());
		validation.name("environment", request.environment());
		if (validation.required("version", request.version()) && !VERSION.matcher(request.version()).matches()) {
			validation.error("version", "must be 1 to 128 letters, digits, '.', '_', '+' or '-'");
		}
		if (request.commit() != null && !COMMIT.matcher(request.commit()).matches()) {
			validation.error("commit", "must be a commit id of 1 to 64 letters, digits, '.', '_' or '-'");
		}
		Instant commitTime = validation.time("commitTime", request.commitTime(), false);
		DeploymentStrategy strategy = request.strategy() == null ? DeploymentStrategy.ROLLING
				: validation.keyed("strategy", request.strategy(), DeploymentStrategy.class, false);
		validation.range("maxUnavailable", request.maxUnavailable(), 1, ServiceInstances.MAX_NODES);
		Emergency emergency = request.emergency();
		if (emergency != null) {
			if (validation.required("emergency.justification", emergency.justification())) {
				validation.maxLength("emergency.justification", emergency.justification(), 2000);
			}
		}
		if (request.nodes() != null) {
			ServiceInstances.validateNodes(validation, "nodes", request.nodes());
		}
		validation.throwIfInvalid();
		if (!this.services.exists(request.service())) {
			throw InvalidInput.field("service", "names no service: '" + request.service() + "'");
		}
		EnvironmentEntry environment = this.environments.findEnvironment(request.environment())
			.orElseThrow(
					() -> InvalidInput.field("environment", "names no environment: '" + request.environment() + "'"));
		if (emergency != null && emergency.incident() != null) {
			try {
				this.incidents.incident(emergency.incident());
			}
			catch (NotFound ex) {
				throw InvalidInput.field("emergency.incident", "names no incident: " + emergency.incident());
			}
		}
		List<String> nodes = request.nodes() != null ? request.nodes()
				: this.instances.find(request.service(), request.environment())
					.map(ServiceInstance::nodes)
					.orElse(List.of());
		int maxUnavailable = request.maxUnavailable() != null ? request.maxUnavailable()
				: strategy == DeploymentStrategy.ROLLING || strategy == DeploymentStrategy.CANARY ? 1
						: Math.max(1, nodes.size());
		return new Validated(environment, strategy, commitTime, nodes, maxUnavailable);
	}

	private static String startDetail(GateDecision decision, Emergency emergency) {
		if (decision.open()) {
			return decision.summary();
		}
		return emergency == null ? decision.summary()
				: "Emergency override of a closed gate: " + emergency.justification();
	}

	private static String reason(String reason, String fallback) {
		if (reason == null || reason.isBlank()) {
			return fallback;
		}
		if (reason.length() > 2000) {
			throw InvalidInput.field("reason", "must be at most 2000 characters");
		}
		return reason;
	}

	private Deployment deployment(Row row) {
		List<Node> nodes = this.store.nodes(row.id())
			.stream()
			.map(node -> new Node(node.node(), status(NodeStatus.class, node.status()), node.updatedAt()))
			.toList();
		List<Step> history = this.store.history(row.id())
			.stream()
			.map(step -> new Step(step.at(), status(DeploymentStatus.class, step.status()), step.actor(),
					step.detail()))
			.toList();
		return new Deployment(row.id(), row.service(), row.environment(), row.version(), row.commit(), row.commitTime(),
				status(DeploymentStrategy.class, row.strategy()), row.maxUnavailable(),
				status(DeploymentStatus.class, row.status()), this.json.readValue(row.gate(), GateDecision.class),
				row.rollbackTarget(),
				row.emergencyJustification() == null ? null
						: new Emergency(row.emergencyJustification(), row.emergencyIncident()),
				nodes, row.checks() == null ? List.of() : this.json.readValue(row.checks(), CHECKS),
				row.failureReason(), row.rollbackReason(), row.requestedBy(), row.requestedAt(), row.finishedAt(),
				history, row.revision());
	}

	private static <E extends Enum<E> & Keyed> E status(Class<E> type, String key) {
		return Keyed.fromKey(type, key).orElseThrow();
	}

	private static NotFound notFound(long id) {
		return NotFound.because("No deployment with id " + id);
	}

	/** A request's values after validation, with defaults filled in. */
	private record Validated(EnvironmentEntry environment, DeploymentStrategy strategy, Instant commitTime,
			List<String> nodes, int maxUnavailable) {
	}

}
