package dev.steward.slas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.steward.access.StewardPrincipal;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.catalog.Membership;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Forbidden;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.Validation;
import dev.steward.slas.SlaAgreement.Breach;
import dev.steward.slas.SlaAgreement.Objective;
import dev.steward.slas.SlaAgreement.Proposer;
import dev.steward.slas.SlaAgreement.Step;
import dev.steward.slas.internal.AgreementStore;
import dev.steward.slas.internal.AgreementStore.BreachRow;
import dev.steward.slas.internal.AgreementStore.ObjectiveRow;
import dev.steward.slas.internal.AgreementStore.Row;
import dev.steward.slas.internal.AgreementStore.StepRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA agreements between services. Members of either owning team propose one; members of
 * the other side accept it (it becomes active, superseding the pair's active one) or
 * counter it with new objectives (the next version, proposed by their side); either side
 * may withdraw a proposed or active agreement. Administrators may act for either side.
 * The proposing side may not answer its own proposal (403).
 */
@Service
@Transactional
public class SlaAgreements {

	static final int MAX_OBJECTIVES = 20;

	private final AgreementStore store;

	private final AgreementEvaluation evaluation;

	private final ServiceCatalog services;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	SlaAgreements(AgreementStore store, AgreementEvaluation evaluation, ServiceCatalog services, Directory directory,
			AuditTrail audit, Clock clock) {
		this.store = store;
		this.evaluation = evaluation;
		this.services = services;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** The agreement with its history, how its objectives stand now and its breaches. */
	@Transactional(readOnly = true)
	public SlaAgreement agreement(long id) {
		Row row = this.store.find(id).orElseThrow(() -> notFound(id));
		List<ObjectiveRow> objectives = this.store.objectives(id);
		Map<Integer, List<Objective>> byVersion = objectives.stream()
			.collect(Collectors.groupingBy(ObjectiveRow::version,
					Collectors.mapping(SlaAgreements::objective, Collectors.toList())));
		List<Step> history = this.store.history(id)
			.stream()
			.map(step -> new Step(step.version(), step.action(), side(step.side()), step.actor(), step.at(),
					step.note(), proposing(step.action()) ? byVersion.get(step.version()) : null))
			.toList();
		List<ObjectiveRow> current = objectives.stream().filter(o -> o.version() == row.version()).toList();
		List<SlaAgreement.Evaluation> evaluated = AgreementStatus.ACTIVE.key().equals(row.status())
				? this.evaluation.evaluate(row.provider(), current, this.clock.instant()) : null;
		List<Breach> breaches = this.store.breaches(id).stream().map(SlaAgreements::breach).toList();
		return agreement(row, current, history, evaluated, breaches);
	}

	/**
	 * Agreements newest first: of one service (on either side) or all, optionally of one
	 * status.
	 */
	@Transactional(readOnly = true)
	public Page<SlaAgreement> agreements(String service, String status, Integer limit, String cursor) {
		Validation validation = new Validation();
		validation.oneOf("status", status, Keyed.keys(AgreementStatus.class));
		validation.throwIfInvalid();
		int size = Cursor.limit(limit);
		return Page
			.of(this.store.page(service, status, Cursor.decodeNumber(cursor), size + 1), size,
					row -> Long.toString(row.id()))
			.map(row -> agreement(row, this.store.objectives(row.id(), row.version()), null, null, null));
	}

	/**
	 * Breach episodes of agreements with the service on either side that overlap
	 * {@code [from, until)}, oldest first, for reports.
	 */
	@Transactional(readOnly = true)
	public List<Breach> breaches(String service, Instant from, Instant until) {
		return this.store.breachesOf(service, from, until).stream().map(SlaAgreements::breach).toList();
	}

	/**
	 * How many breach episodes overlapping {@code [from, until)} each agreement with the
	 * service on either side had, by agreement id; agreements without any are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> breachCounts(String service, Instant from, Instant until) {
		return this.store.breachesOf(service, from, until)
			.stream()
			.collect(Collectors.groupingBy(BreachRow::agreementId, Collectors.counting()));
	}

	/** Proposes an agreement (version 1) for the side the caller speaks for. */
	public SlaAgreement propose(AgreementRequest request) {
		Validation validation = new Validation();
		validation.name("provider", request.provider());
		validation.name("consumer", request.consumer());
		if (request.provider() != null && request.provider().equals(request.consumer())) {
			validation.error("consumer", "must be another service than the provider");
		}
		AgreementSide requested = validation.keyed("side", request.side(), AgreementSide.class, false);
		List<ObjectiveRow> objectives = objectives(validation, request.objectives(), 1);
		validation.throwIfInvalid();
		ServiceEntry provider = existing("provider", request.provider());
		ServiceEntry consumer = existing("consumer", request.consumer());
		Set<AgreementSide> sides = sidesOf(provider.owner(), consumer.owner());
		AgreementSide side = proposingSide(requested, sides, provider, consumer);
		this.store.findProposal(provider.name(), consumer.name()).ifPresent(open -> {
			throw Conflict
				.because("Agreement #" + open.id() + " between " + provider.name() + " and " + consumer.name()
						+ " is already proposed; counter or withdraw it instead")
				.detail("agreement", open.id());
		});
		Instant now = this.clock.instant();
		String user = CurrentActor.name();
		long id;
		try {
			id = this.store.insert(provider.name(), consumer.name(), side.key(), user, now);
		}
		catch (DuplicateKeyException ex) {
			throw Conflict.because("Another agreement between " + provider.name() + " and " + consumer.name()
					+ " was proposed at the same time; counter or withdraw it instead");
		}
		objectives.forEach(objective -> this.store.addObjective(id, 1, objective));
		this.store.addStep(id, new StepRow(1, "proposed", side.key(), user, now, null));
		SlaAgreement created = agreement(id);
		this.audit.record("sla-agreement.proposed", Long.toString(id), provider.name(), null, created);
		return created;
	}

	/**
	 * Answers a proposal with new objectives: the next version, proposed by this side.
	 */
	public SlaAgreement counter(long id, AgreementRequest.Counter request) {
		Row row = answerableLock(id, "counter");
		Validation validation = new Validation();
		List<ObjectiveRow> objectives = objectives(validation, request == null ? null : request.objectives(),
				row.version() + 1);
		validation.throwIfInvalid();
		int version = row.version() + 1;
		AgreementSide side = side(row.proposedSide()).other();
		String user = CurrentActor.name();
		objectives.forEach(objective -> this.store.addObjective(id, version, objective));
		this.store.counter(id, version, side.key(), user);
		this.store.addStep(id, new StepRow(version, "countered", side.key(), user, this.clock.instant(), null));
		return audited("countered", row, agreement(id));
	}

	/**
	 * Accepts a proposal: the agreement becomes active and supersedes the pair's active
	 * one.
	 */
	public SlaAgreement accept(long id) {
		Row row = answerableLock(id, "accept");
		Instant now = this.clock.instant();
		String user = CurrentActor.name();
		this.store.lockActive(row.provider(), row.consumer()).ifPresent(active -> {
			this.store.end(active.id(), AgreementStatus.SUPERSEDED.key());
			this.store.addStep(active.id(), new StepRow(active.version(), AgreementStatus.SUPERSEDED.key(), null, user,
					now, "by agreement #" + id + " version " + row.version()));
		});
		this.store.activate(row, user, now);
		this.store.addStep(id,
				new StepRow(row.version(), "accepted", side(row.proposedSide()).other().key(), user, now, null));
		return audited("accepted", row, agreement(id));
	}

	/** Withdraws a proposed or active agreement, for either side. */
	public SlaAgreement withdraw(long id, String note) {
		Row row = this.store.lock(id).orElseThrow(() -> notFound(id));
		requireStatus(row, "withdraw", AgreementStatus.PROPOSED, AgreementStatus.ACTIVE);
		Set<AgreementSide> sides = sidesOf(row);
		if (sides.isEmpty() && !admin()) {
			throw Forbidden.because("Only members of the teams owning " + row.provider() + " and " + row.consumer()
					+ " or an administrator may withdraw agreement #" + id);
		}
		if (note != null && note.length() > 2000) {
			throw InvalidInput.field("note", "must be at most 2000 characters");
		}
		this.store.end(id, AgreementStatus.WITHDRAWN.key());
		this.store.addStep(id,
				new StepRow(row.version(), AgreementStatus.WITHDRAWN.key(),
						sides.size() == 1 ? sides.iterator().next().key() : null, CurrentActor.name(),
						this.clock.instant(), note == null || note.isBlank() ? null : note.strip()));
		return audited("withdrawn", row, agreement(id));
	}

	/** What the signed-in user may do with the agreement now. */
	@Transactional(readOnly = true)
	public AgreementActions actions(SlaAgreement agreement) {
		boolean admin = admin();
		Set<AgreementSide> sides = sidesOf(agreement.providerTeam(), agreement.consumerTeam());
		boolean proposed = agreement.status() == AgreementStatus.PROPOSED;
		boolean answer = proposed
				&& mayAnswer(sides, agreement.proposedBy().side(), agreement.proposedBy().user(), admin);
		boolean withdraw = (proposed || agreement.status() == AgreementStatus.ACTIVE) && (admin || !sides.isEmpty());
		return new AgreementActions(answer, answer, withdraw);
	}

	/**
	 * Locks a proposal after checking that the caller may answer it: a member of the side
	 * that did not propose it (other than its proposer), or an administrator.
	 */
	private Row answerableLock(long id, String action) {
		Row row = this.store.lock(id).orElseThrow(() -> notFound(id));
		requireStatus(row, action, AgreementStatus.PROPOSED);
		AgreementSide proposer = side(row.proposedSide());
		if (!mayAnswer(sidesOf(row), proposer, row.proposedBy(), admin())) {
			String team = owner(proposer == AgreementSide.PROVIDER ? row.consumer() : row.provider());
			throw Forbidden.because("Only members of team '" + team + "' (the " + proposer.other().key()
					+ " side) other than its proposer, or an administrator, may " + action + " version " + row.version()
					+ " of agreement #" + id + ", proposed by the " + proposer.key() + " side");
		}
		return row;
	}

	private static boolean mayAnswer(Set<AgreementSide> sides, AgreementSide proposer, String proposedBy,
			boolean admin) {
		return admin || sides.contains(proposer.other()) && !proposedBy.equals(CurrentActor.name());
	}

	private AgreementSide proposingSide(AgreementSide requested, Set<AgreementSide> sides, ServiceEntry provider,
			ServiceEntry consumer) {
		boolean admin = admin();
		if (requested != null) {
			if (admin || sides.contains(requested)) {
				return requested;
			}
		}
		else if (sides.contains(AgreementSide.CONSUMER) || admin && sides.isEmpty()) {
			return AgreementSide.CONSUMER;
		}
		else if (sides.contains(AgreementSide.PROVIDER) || admin) {
			return AgreementSide.PROVIDER;
		}
		throw Forbidden.because("Only members of team '" + provider.owner() + "' (owning " + provider.name()
				+ ") or of team '" + consumer.owner() + "' (owning " + consumer.name() + ") or an administrator "
				+ "may propose an agreement between them"
				+ (requested == null ? "" : " for the " + requested.key() + " side"));
	}

	/** The sides whose owning team the caller belongs to. */
	private Set<AgreementSide> sidesOf(String providerTeam, String consumerTeam) {
		Set<String> teams = new HashSet<>();
		this.directory.memberships(CurrentActor.name()).stream().map(Membership::team).forEach(teams::add);
		Set<AgreementSide> sides = EnumSet.noneOf(AgreementSide.class);
		if (teams.contains(providerTeam)) {
			sides.add(AgreementSide.PROVIDER);
		}
		if (teams.contains(consumerTeam)) {
			sides.add(AgreementSide.CONSUMER);
		}
		return sides;
	}

	private Set<AgreementSide> sidesOf(Row row) {
		return sidesOf(owner(row.provider()), owner(row.consumer()));
	}

	private static boolean admin() {
		StewardPrincipal principal = StewardPrincipal.current();
		return principal != null && principal.admin();
	}

	private ServiceEntry existing(String field, String name) {
		return this.services.findService(name)
			.orElseThrow(() -> InvalidInput.field(field, "names no service: '" + name + "'"));
	}

	private String owner(String service) {
		return this.services.service(service).owner();
	}

	/** Checks the objectives of version {@code version}, answering them as rows. */
	private static List<ObjectiveRow> objectives(Validation validation, List<AgreementRequest.Objective> requested,
			int version) {
		List<ObjectiveRow> rows = new ArrayList<>();
		if (requested == null || requested.isEmpty()) {
			validation.error("objectives", "must hold at least one objective");
			return rows;
		}
		if (requested.size() > MAX_OBJECTIVES) {
			validation.error("objectives", "must hold at most " + MAX_OBJECTIVES + " objectives");
			return rows;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String field = "objectives[" + i + "]";
			AgreementRequest.Objective objective = requested.get(i);
			if (objective == null) {
				validation.error(field, "is required");
				continue;
			}
			SloIndicator indicator = validation.keyed(field + ".indicator", objective.indicator(), SloIndicator.class,
					true);
			Slos.objective(validation, field + ".objective", objective.objective());
			Duration window = Slos.window(validation, field + ".window", objective.window());
			if (indicator != null && window != null && !seen.add(indicator.key() + " " + window.toMinutes())) {
				validation.error(field, "repeats the indicator and window of an earlier objective");
			}
			if (validation.isValid()) {
				rows.add(new ObjectiveRow(version, i, indicator.key(), objective.objective(), objective.window(),
						(int) window.toMinutes()));
			}
		}
		return rows;
	}

	private static void requireStatus(Row row, String action, AgreementStatus... allowed) {
		if (!List.of(allowed).contains(Keyed.fromKey(AgreementStatus.class, row.status()).orElseThrow())) {
			throw Conflict.because("Agreement #" + row.id() + " is " + row.status() + "; only "
					+ List.of(allowed).stream().map(Keyed::key).collect(Collectors.joining(" or "))
					+ " agreements can be " + past(action));
		}
	}

	private static String past(String action) {
		return switch (action) {
			case "accept" -> "accepted";
			case "counter" -> "countered";
			default -> "withdrawn";
		};
	}

	private SlaAgreement audited(String action, Row before, SlaAgreement after) {
		this.audit.record("sla-agreement." + action, Long.toString(before.id()), before.provider(),
				Map.of("status", before.status(), "version", before.version()), after);
		return after;
	}

	private SlaAgreement agreement(Row row, List<ObjectiveRow> objectives, List<Step> history,
			List<SlaAgreement.Evaluation> evaluation, List<Breach> breaches) {
		return new SlaAgreement(row.id(), row.provider(), row.consumer(), owner(row.provider()), owner(row.consumer()),
				Keyed.fromKey(AgreementStatus.class, row.status()).orElseThrow(), row.version(),
				new Proposer(side(row.proposedSide()), row.proposedBy()),
				objectives.stream().map(SlaAgreements::objective).toList(), row.createdAt(), row.acceptedAt(),
				row.acceptedBy(), history, evaluation, breaches, row.revision());
	}

	private static boolean proposing(String action) {
		return "proposed".equals(action) || "countered".equals(action);
	}

	private static Objective objective(ObjectiveRow row) {
		return new Objective(Keyed.fromKey(SloIndicator.class, row.indicator()).orElseThrow(), row.objective(),
				row.window());
	}

	private static Breach breach(BreachRow row) {
		return new Breach(row.position(), Keyed.fromKey(SloIndicator.class, row.indicator()).orElseThrow(),
				row.objective(), row.window(), row.startedAt(), row.endedAt(), row.sli(), row.worstSli());
	}

	private static AgreementSide side(String key) {
		return key == null ? null : Keyed.fromKey(AgreementSide.class, key).orElseThrow();
	}

	private static NotFound notFound(long id) {
		return NotFound.because("No SLA agreement #" + id);
	}

}
