package dev.steward.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.access.ChangePermissions;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.InvalidInput;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Validation;
import dev.steward.oncall.EscalationPolicyEntry.UncoveredLevel;
import dev.steward.oncall.EscalationPolicyRequest.Level;
import dev.steward.oncall.EscalationPolicyRequest.Target;
import dev.steward.oncall.ServiceOnCall.LevelOnCall;
import dev.steward.oncall.ServiceOnCall.TargetOnCall;
import dev.steward.oncall.internal.PolicyStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation policies, the policy each service names, and whom a service's policy reaches
 * at an instant.
 */
@Service
@Transactional
public class EscalationPolicies {

	/** The shortest time a level waits before the next one is paged. */
	public static final Duration MIN_DELAY = Duration.ofSeconds(10);

	private static final Duration MAX_DELAY = Duration.ofDays(1);

	private static final int MAX_LEVELS = 20;

	private static final int MAX_REPEAT = 10;

	private static final TypeReference<List<Level>> LEVELS = new TypeReference<>() {
	};

	private final PolicyStore store;

	private final OnCallSchedules schedules;

	private final Directory directory;

	private final ServiceCatalog services;

	private final ChangePermissions permissions;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	EscalationPolicies(PolicyStore store, OnCallSchedules schedules, Directory directory, ServiceCatalog services,
			ChangePermissions permissions, AuditTrail audit, JsonMapper json, Clock clock) {
		this.store = store;
		this.schedules = schedules;
		this.directory = directory;
		this.services = services;
		this.permissions = permissions;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public EscalationPolicyEntry policy(String name) {
		return findPolicy(name).orElseThrow(() -> NotFound.of("escalation policy", name));
	}

	@Transactional(readOnly = true)
	public Optional<EscalationPolicyEntry> findPolicy(String name) {
		return this.store.find(name).map(this::entry);
	}

	@Transactional(readOnly = true)
	public Page<EscalationPolicyEntry> policies(String team, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		return Page.of(this.store.page(team, Cursor.decode(cursor), size + 1), size, PolicyStore.Row::name)
			.map(this::entry);
	}

	public EscalationPolicyEntry create(EscalationPolicyRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		validate(validation, request);
		if (this.store.find(request.name()).isPresent()) {
			throw Conflict.duplicate("escalation policy", request.name());
		}
		this.store.insert(row(request.name(), request, this.clock.instant(), 0));
		replaceTargets(request.name(), request.levels());
		EscalationPolicyEntry created = policy(request.name());
		this.audit.record("escalation-policy.created", created.name(), null, null, created);
		return created;
	}

	public EscalationPolicyEntry update(String name, EscalationPolicyRequest request, String ifMatch) {
		EscalationPolicyEntry before = policy(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		validate(validation, request);
		if (!request.team().equals(before.team())) {
			this.permissions.require(Rule.TEAM_MEMBER, "team", request.team());
		}
		if (!this.store.update(row(name, request, before.createdAt(), before.version()))) {
			throw PreconditionFailed.concurrentUpdate();
		}
		replaceTargets(name, request.levels());
		EscalationPolicyEntry after = policy(name);
		this.audit.record("escalation-policy.updated", name, null, before, after);
		return after;
	}

	public void delete(String name, String ifMatch) {
		EscalationPolicyEntry before = policy(name);
		ETags.check(ifMatch, before.version());
		if (!before.services().isEmpty()) {
			throw Conflict
				.because("Escalation policy '" + name + "' is still named by " + before.services().size()
						+ " service(s); give them another policy first")
				.detail("services", before.services());
		}
		this.store.delete(name);
		this.audit.record("escalation-policy.deleted", name, null, before, null);
	}

	/** The policy a service names, if any. */
	@Transactional(readOnly = true)
	public Optional<String> policyOf(String service) {
		this.services.service(service);
		return this.store.policyOf(service);
	}

	/** Makes a service name a policy; answers whether that changed anything. */
	public boolean assign(String service, ServicePolicyRequest request) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.name("policy", request.policy());
		validation.throwIfInvalid();
		if (this.store.find(request.policy()).isEmpty()) {
			throw InvalidInput.field("policy", "names no escalation policy: '" + request.policy() + "'");
		}
		Optional<String> before = this.store.policyOf(service);
		if (before.filter(request.policy()::equals).isPresent()) {
			return false;
		}
		this.store.assign(service, request.policy(), this.clock.instant());
		this.audit.record("service.escalation-policy.assigned", service, service, before.orElse(null),
				request.policy());
		return true;
	}

	public void unassign(String service) {
		Optional<String> before = policyOf(service);
		if (before.isPresent()) {
			this.store.unassign(service);
			this.audit.record("service.escalation-policy.removed", service, service, before.get(), null);
		}
	}

	/**
	 * Whom a service's policy reaches at an instant (now when absent), level by level.
	 */
	@Transactional(readOnly = true)
	public ServiceOnCall onCall(String service, Instant at) {
		Instant instant = at == null ? this.clock.instant() : at;
		Optional<String> policy = policyOf(service);
		if (policy.isEmpty()) {
			return new ServiceOnCall(service, null, instant, List.of());
		}
		return resolve(service, policy.get(), levels(policy.get()), instant, new HashMap<>());
	}

	/**
	 * Whom a policy's levels reach at an instant, with the policy's delays and repeat
	 * count; empty when the policy does not exist (any more).
	 */
	@Transactional(readOnly = true)
	public Optional<PolicyOnCall> levelsOf(String policy, Instant at) {
		return this.store.find(policy)
			.map(row -> new PolicyOnCall(policy, row.repeat(),
					resolve(null, policy, read(row.levels()), at, new HashMap<>()).levels()));
	}

	/**
	 * The policy each service names, by service name; services naming none are absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> assignments() {
		Map<String, String> policies = new HashMap<>();
		this.store.assignments().forEach(assignment -> policies.put(assignment.service(), assignment.policy()));
		return policies;
	}

	/**
	 * Where from now to {@code horizon} ahead a level of the policy reaches nobody; empty
	 * when the policy does not exist (any more).
	 */
	@Transactional(readOnly = true)
	public Optional<List<UncoveredLevel>> uncovered(String policy, Duration horizon) {
		return this.store.find(policy).map(row -> uncovered(read(row.levels()), horizon));
	}

	/** Whom every service's policy reaches at an instant, by service name. */
	@Transactional(readOnly = true)
	public List<ServiceOnCall> onCallEverywhere(Instant at) {
		Instant instant = at == null ? this.clock.instant() : at;
		Map<String, Optional<String>> onCallBySchedule = new HashMap<>();
		Map<String, List<Level>> levelsByPolicy = new HashMap<>();
		return this.store.assignments()
			.stream()
			.map(assignment -> resolve(assignment.service(), assignment.policy(),
					levelsByPolicy.computeIfAbsent(assignment.policy(), this::levels), instant, onCallBySchedule))
			.toList();
	}

	private List<Level> levels(String policy) {
		return read(this.store.find(policy).orElseThrow().levels());
	}

	/**
	 * Whom each level reaches at an instant; {@code onCallBySchedule} remembers schedules
	 * already resolved at that instant.
	 */
	private ServiceOnCall resolve(String service, String policy, List<Level> levels, Instant at,
			Map<String, Optional<String>> onCallBySchedule) {
		List<LevelOnCall> resolved = new ArrayList<>();
		for (int i = 0; i < levels.size(); i++) {
			Set<String> users = new LinkedHashSet<>();
			List<TargetOnCall> targets = new ArrayList<>();
			for (Target target : levels.get(i).targets()) {
				String user = target.type().equals("user") ? target.name()
						: onCallBySchedule.computeIfAbsent(target.name(), name -> this.schedules.onCall(name, at))
							.orElse(null);
				targets.add(new TargetOnCall(target.type(), target.name(), user));
				if (user != null) {
					users.add(user);
				}
			}
			resolved.add(new LevelOnCall(i + 1, levels.get(i).delay(), List.copyOf(users), targets));
		}
		return new ServiceOnCall(service, policy, at, resolved);
	}

	private void validate(Validation validation, EscalationPolicyRequest request) {
		validation.name("team", request.team());
		validation.maxLength("title", request.title(), 200);
		validation.maxLength("description", request.description(), 4000);
		validation.range("repeat", request.repeat(), 0, MAX_REPEAT);
		List<Level> levels = request.levels();
		if (levels == null || levels.isEmpty()) {
			validation.error("levels", "must have at least one level");
		}
		else if (levels.size() > MAX_LEVELS) {
			validation.error("levels", "must have at most " + MAX_LEVELS + " levels");
		}
		else {
			for (int i = 0; i < levels.size(); i++) {
				checkLevel(validation, "levels[" + i + "]", levels.get(i));
			}
		}
		validation.throwIfInvalid();
		if (this.directory.findTeam(request.team()).isEmpty()) {
			throw InvalidInput.field("team", "names no team: '" + request.team() + "'");
		}
		List<String> missingUsers = this.directory.missingUsers(targets(levels, "user"));
		List<String> missingSchedules = this.schedules.missingSchedules(targets(levels, "schedule"));
		if (!missingUsers.isEmpty() || !missingSchedules.isEmpty()) {
			Validation unknown = new Validation();
			if (!missingUsers.isEmpty()) {
				unknown.error("levels", "names unknown user(s) " + missingUsers);
			}
			if (!missingSchedules.isEmpty()) {
				unknown.error("levels", "names unknown schedule(s) " + missingSchedules);
			}
			unknown.throwIfInvalid();
		}
	}

	private static void checkLevel(Validation validation, String field, Level level) {
		if (level == null) {
			validation.error(field, "is empty");
			return;
		}
		if (validation.required(field + ".delay", level.delay())) {
			Duration delay = parse(level.delay());
			if (delay == null || delay.compareTo(MIN_DELAY) < 0 || delay.compareTo(MAX_DELAY) > 0) {
				validation.error(field + ".delay", "must be an ISO-8601 duration from PT10S to P1D");
			}
		}
		if (level.targets() == null || level.targets().isEmpty()) {
			validation.error(field + ".targets", "must have at least one target");
			return;
		}
		for (int t = 0; t < level.targets().size(); t++) {
			Target target = level.targets().get(t);
			String targetField = field + ".targets[" + t + "]";
			if (target == null) {
				validation.error(targetField, "is empty");
				continue;
			}
			if (validation.required(targetField + ".type", target.type())) {
				validation.oneOf(targetField + ".type", target.type(), List.of("user", "schedule"));
			}
			validation.name(targetField + ".name", target.name());
		}
	}

	private static Duration parse(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Set<String> targets(List<Level> levels, String type) {
		Set<String> names = new LinkedHashSet<>();
		levels.forEach(level -> level.targets()
			.stream()
			.filter(target -> target.type().equals(type))
			.forEach(target -> names.add(target.name())));
		return names;
	}

	private void replaceTargets(String policy, List<Level> levels) {
		this.store.replaceTargets(policy, targets(levels, "schedule"), targets(levels, "user"));
	}

	private PolicyStore.Row row(String name, EscalationPolicyRequest request, Instant createdAt, long version) {
		EscalationPolicyRequest normalized = request.normalized();
		return new PolicyStore.Row(name, normalized.team(), normalized.title(), normalized.description(),
				normalized.repeat(), this.json.writeValueAsString(normalized.levels()), createdAt, version);
	}

	private EscalationPolicyEntry entry(PolicyStore.Row row) {
		List<Level> levels = read(row.levels());
		return new EscalationPolicyEntry(row.name(), row.title(), row.description(), row.team(), row.repeat(), levels,
				this.store.servicesUsing(row.name()), uncovered(levels, OnCallSchedules.GAP_HORIZON), row.createdAt(),
				row.version());
	}

	/**
	 * Where from now to {@code horizon} ahead a level reaches nobody: a level with a user
	 * target always reaches someone; one with only schedules is uncovered where all of
	 * them have gaps.
	 */
	private List<UncoveredLevel> uncovered(List<Level> levels, Duration horizon) {
		Instant now = this.clock.instant();
		Instant until = now.plus(horizon);
		List<UncoveredLevel> uncovered = new ArrayList<>();
		for (int i = 0; i < levels.size(); i++) {
			List<Target> targets = levels.get(i).targets();
			if (targets.stream().anyMatch(target -> target.type().equals("user"))) {
				continue;
			}
			List<Shift> covered = new ArrayList<>();
			targets
				.forEach(target -> covered.addAll(this.schedules.finalSchedule(target.name(), now, until).entries()));
			int level = i + 1;
			ScheduleRenderer.render(ZoneOffset.UTC, List.of(), covered, now, until)
				.gaps()
				.forEach(gap -> uncovered.add(new UncoveredLevel(level, gap.start(), gap.end())));
		}
		return uncovered;
	}

	private List<Level> read(String levels) {
		return this.json.readValue(levels, LEVELS);
	}

}
