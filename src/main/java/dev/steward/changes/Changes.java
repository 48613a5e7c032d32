package dev.steward.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import dev.steward.access.StewardPrincipal;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.catalog.Membership;
import dev.steward.catalog.Role;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.changes.Change.Approval;
import dev.steward.changes.Change.Step;
import dev.steward.changes.ChangeRequest.Emergency;
import dev.steward.changes.internal.ChangeStore;
import dev.steward.changes.internal.ChangeStore.Row;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Forbidden;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.Validation;
import dev.steward.environments.EnvironmentEntry;
import dev.steward.environments.Environments;
import dev.steward.windows.Gate;
import dev.steward.windows.GateDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production infrastructure changes. Submitting checks the planned interval against the
 * gate (a closed gate refuses it unless it is an emergency). A change is approved once a
 * lead of the owning team and, when a shared team implements it, a lead of that team have
 * approved it; a high-risk change also needs two different approvers; an administrator's
 * approval stands in for a missing lead.
 */
@Service
@Transactional
public class Changes {

	static final String OWNER = "owner";

	static final String IMPLEMENTER = "implementer";

	private static final Duration MAX_LENGTH = Duration.ofDays(30);

	private final ChangeStore store;

	private final ServiceCatalog services;

	private final Directory directory;

	private final Environments environments;

	private final Gate gate;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	Changes(ChangeStore store, ServiceCatalog services, Directory directory, Environments environments, Gate gate,
			AuditTrail audit, JsonMapper json, Clock clock) {
		this.store = store;
		this.services = services;
		this.directory = directory;
		this.environments = environments;
		this.gate = gate;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Change change(long id) {
		return this.store.find(id).map(this::change).orElseThrow(() -> notFound(id));
	}

	/**
	 * Changes newest first, optionally of one service or status, or planned to overlap
	 * {@code [from, until)}.
	 */
	@Transactional(readOnly = true)
	public Page<Change> changes(String service, String status, Instant from, Instant until, Integer limit,
			String cursor) {
		Validation validation = new Validation();
		validation.oneOf("status", status, Keyed.keys(ChangeStatus.class));
		validation.throwIfInvalid();
		int size = Cursor.limit(limit);
		return Page
			.of(this.store.page(service, status, from, until, Cursor.decodeNumber(cursor), size + 1), size,
					row -> Long.toString(row.id()))
			.mapAll(this::changes);
	}

	/**
	 * The change requests planned to start in {@code [since, until)}, counted by service,
	 * status and emergency, of {@code services} or of all services when it is null, in
	 * one query.
	 */
	@Transactional(readOnly = true)
	public List<ChangeCount> counts(Collection<String> services, Instant since, Instant until) {
		if (services != null && services.isEmpty()) {
			return List.of();
		}
		return this.store.counts(services, since, until);
	}

	/** Files a change as a draft. */
	public Change create(ChangeRequest request) {
		Validation validation = new Validation();
		validation.name("service", request.service());
		ChangeCategory category = validation.keyed("category", request.category(), ChangeCategory.class, true);
		ChangeRisk risk = validation.keyed("risk", request.risk(), ChangeRisk.class, true);
		text(validation, "description", request.description(), true, 4000);
		text(validation, "rollbackPlan", request.rollbackPlan(), true, 4000);
		text(validation, "title", request.title(), false, 200);
		validation.optionalName("implementer", request.implementer());
		validation.optionalName("environment", request.environment());
		Instant start = validation.time("plannedStart", request.plannedStart(), true);
		Instant end = validation.time("plannedEnd", request.plannedEnd(), true);
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				validation.error("plannedEnd", "must be after plannedStart");
			}
			else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
				validation.error("plannedEnd", "must be at most " + MAX_LENGTH.toDays() + " days after plannedStart");
			}
			else if (!end.isAfter(this.clock.instant())) {
				validation.error("plannedEnd", "must be in the future");
			}
		}
		Emergency emergency = request.emergency();
		if (emergency != null) {
			text(validation, "emergency.justification", emergency.justification(), true, 2000);
		}
		validation.throwIfInvalid();
		ServiceEntry service = this.services.findService(request.service())
			.orElseThrow(() -> InvalidInput.field("service", "names no service: '" + request.service() + "'"));
		String implementer = request.implementer() == null ? service.owner() : request.implementer();
		if (this.directory.findTeam(implementer).isEmpty()) {
			throw InvalidInput.field("implementer", "names no team: '" + implementer + "'");
		}
		String environment = environment(request.environment());
		Instant now = this.clock.instant();
		String actor = CurrentActor.name();
		long id = this.store.insert(new Row(0, service.name(), request.title(), category.key(), request.description(),
				risk.key(), implementer, environment, start, end, request.rollbackPlan(),
				emergency == null ? null : emergency.justification(), emergency == null ? null : emergency.incident(),
				ChangeStatus.DRAFT.key(), null, null, actor, now, null, null, 0));
		this.store.addStep(id, now, ChangeStatus.DRAFT.key(), actor, null);
		Change created = change(id);
		this.audit.record("change.created", Long.toString(id), service.name(), null, created);
		return created;
	}

	/** Submits a draft for approval; its planned interval must be open at the gate. */
	public Change submit(long id) {
		Row row = participantLock(id);
		requireStatus(row, "submit", ChangeStatus.DRAFT);
		if (!row.plannedEnd().isAfter(this.clock.instant())) {
			throw Conflict.because("Change " + id + " was planned to end at " + row.plannedEnd()
					+ ", which has passed; file it again with a new plan");
		}
		Optional<GateDecision> closed = this.gate.firstClosed(row.service(), row.environment(), row.plannedStart(),
				row.plannedEnd());
		if (closed.isPresent() && row.emergencyJustification() == null) {
			throw Conflict
				.because("The gate of " + row.service() + " in " + row.environment() + " is closed at "
						+ closed.get().at() + ", inside the planned interval: " + closed.get().summary())
				.detail("gate", closed.get());
		}
		GateDecision decision = closed
			.orElseGet(() -> this.gate.decide(row.service(), row.environment(), row.plannedStart()));
		String detail = closed.isPresent() ? "Emergency override of a closed gate: " + row.emergencyJustification()
				: decision.summary();
		Change submitted = move(row, ChangeStatus.SUBMITTED, detail, this.json.writeValueAsString(decision), null);
		if (closed.isPresent()) {
			this.audit.record("change.emergency-override", Long.toString(id), row.service(), null, submitted);
		}
		return submitted;
	}

	/** Records the caller's approval; the change is approved once nothing is missing. */
	public Change approve(long id) {
		Row row = lock(id);
		requireStatus(row, "approve", ChangeStatus.SUBMITTED);
		String owner = this.services.service(row.service()).owner();
		String approver = CurrentActor.name();
		List<ChangeStore.ApprovalRow> approvals = this.store.approvals(id);
		if (approvals.stream().anyMatch(approval -> approval.approver().equals(approver))) {
			throw Conflict.because(approver + " has already approved change " + id);
		}
		Set<String> sides = sidesOf(approver, owner, row.implementer());
		if (sides.isEmpty()) {
			throw Forbidden.because("Only a lead of team '" + owner + "'"
					+ (row.implementer().equals(owner) ? "" : " or of team '" + row.implementer() + "'")
					+ " or an administrator may approve change " + id);
		}
		List<String> missing = missingSides(owner, row.implementer(), approvals);
		String side = missing.stream().filter(sides::contains).findFirst().orElse(sides.iterator().next());
		Instant now = this.clock.instant();
		this.store.approve(id, approver, side, now);
		List<String> needed = approvalsNeeded(row, owner, this.store.approvals(id));
		if (needed.isEmpty()) {
			return move(row, ChangeStatus.APPROVED, "Approved by " + approver + " (" + side + ")", null, null);
		}
		this.store.addStep(id, now, row.status(), approver,
				"Approved by " + approver + " (" + side + "); still needs " + String.join(", ", needed));
		this.store.transition(id, row.status(), null, null, null, null);
		Change after = change(id);
		this.audit.record("change.approval", Long.toString(id), row.service(), null, after.approvals());
		return after;
	}

	/** Work begins: only an approved change, and only within its planned interval. */
	public Change start(long id) {
		Row row = participantLock(id);
		requireStatus(row, "start", ChangeStatus.APPROVED);
		Instant now = this.clock.instant();
		if (now.isBefore(row.plannedStart()) || !now.isBefore(row.plannedEnd())) {
			throw Conflict.because("Change " + id + " may start only within its planned interval, " + row.plannedStart()
					+ " to " + row.plannedEnd());
		}
		return move(row, ChangeStatus.IN_PROGRESS, null, null, null);
	}

	public Change complete(long id, String note) {
		Row row = participantLock(id);
		requireStatus(row, "complete", ChangeStatus.IN_PROGRESS);
		return move(row, ChangeStatus.COMPLETED, note(note), null, note(note));
	}

	public Change fail(long id, String note) {
		Row row = participantLock(id);
		requireStatus(row, "fail", ChangeStatus.IN_PROGRESS);
		return move(row, ChangeStatus.FAILED, note(note), null, note(note));
	}

	public Change cancel(long id, String note) {
		Row row = participantLock(id);
		requireStatus(row, "cancel", ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.APPROVED);
		return move(row, ChangeStatus.CANCELLED, note(note), null, note(note));
	}

	private Change move(Row row, ChangeStatus to, String detail, String gateJson, String outcome) {
		Instant now = this.clock.instant();
		boolean finished = to == ChangeStatus.COMPLETED || to == ChangeStatus.FAILED || to == ChangeStatus.CANCELLED;
		this.store.transition(row.id(), to.key(), gateJson, outcome, to == ChangeStatus.IN_PROGRESS ? now : null,
				finished ? now : null);
		this.store.addStep(row.id(), now, to.key(), CurrentActor.name(), detail);
		this.audit.record("change." + to.key(), Long.toString(row.id()), row.service(), row.status(), to.key());
		return change(row.id());
	}

	/** Locks the change after checking that the caller works on it (or administers). */
	private Row participantLock(long id) {
		Row row = lock(id);
		StewardPrincipal principal = StewardPrincipal.current();
		if (principal != null && principal.admin()) {
			return row;
		}
		String owner = this.services.service(row.service()).owner();
		String user = CurrentActor.name();
		boolean member = this.directory.memberships(user)
			.stream()
			.map(Membership::team)
			.anyMatch(team -> team.equals(owner) || team.equals(row.implementer()));
		if (!member) {
			throw Forbidden.because("Only members of team '" + owner + "'"
					+ (row.implementer().equals(owner) ? "" : " or of team '" + row.implementer() + "'")
					+ " may act on change " + id);
		}
		return row;
	}

	/**
	 * The sides the user may approve for: those whose team they lead, or any as an admin.
	 */
	private Set<String> sidesOf(String user, String owner, String implementer) {
		Set<String> sides = new LinkedHashSet<>();
		StewardPrincipal principal = StewardPrincipal.current();
		boolean admin = principal != null && principal.admin();
		List<Membership> memberships = this.directory.memberships(user);
		if (admin || leads(memberships, owner)) {
			sides.add(OWNER);
		}
		if (!implementer.equals(owner) && (admin || leads(memberships, implementer))) {
			sides.add(IMPLEMENTER);
		}
		return sides;
	}

	private static boolean leads(List<Membership> memberships, String team) {
		return memberships.stream()
			.anyMatch(membership -> membership.team().equals(team) && membership.role() == Role.LEAD);
	}

	private static List<String> missingSides(String owner, String implementer,
			List<ChangeStore.ApprovalRow> approvals) {
		List<String> missing = new ArrayList<>();
		for (String side : implementer.equals(owner) ? List.of(OWNER) : List.of(OWNER, IMPLEMENTER)) {
			if (approvals.stream().noneMatch(approval -> approval.side().equals(side))) {
				missing.add(side);
			}
		}
		return missing;
	}

	/** What approvals a submitted change still lacks, in words; empty when approved. */
	private static List<String> approvalsNeeded(Row row, String owner, List<ChangeStore.ApprovalRow> approvals) {
		List<String> needed = new ArrayList<>();
		for (String side : missingSides(owner, row.implementer(), approvals)) {
			needed.add("a lead of team '" + (side.equals(OWNER) ? owner : row.implementer()) + "' (" + side + ")");
		}
		if (ChangeRisk.HIGH.key().equals(row.risk()) && approvals.size() < 2) {
			needed.add("a second approver (high risk)");
		}
		return needed;
	}

	private String environment(String requested) {
		if (requested != null) {
			return this.environments.findEnvironment(requested)
				.map(EnvironmentEntry::name)
				.orElseThrow(() -> InvalidInput.field("environment", "names no environment: '" + requested + "'"));
		}
		return this.environments.findEnvironment("production")
			.or(() -> this.environments.all().stream().filter(EnvironmentEntry::production).findFirst())
			.map(EnvironmentEntry::name)
			.orElseThrow(() -> InvalidInput.field("environment",
					"is required: the organization has no production environment"));
	}

	private Row lock(long id) {
		return this.store.lock(id).orElseThrow(() -> notFound(id));
	}

	private static void requireStatus(Row row, String action, ChangeStatus... allowed) {
		ChangeStatus status = Keyed.fromKey(ChangeStatus.class, row.status()).orElseThrow();
		if (!List.of(allowed).contains(status)) {
			throw Conflict
				.because("Cannot " + action + " change " + row.id() + " while it is " + status.key()
						+ "; that is possible only when it is "
						+ String.join(" or ", List.of(allowed).stream().map(Keyed::key).toList()))
				.detail("currentStatus", status.key());
		}
	}

	private static void text(Validation validation, String field, String value, boolean required, int max) {
		if (required) {
			validation.required(field, value);
		}
		validation.maxLength(field, value, max);
	}

	private static String note(String note) {
		if (note != null && note.length() > 2000) {
			throw InvalidInput.field("note", "must be at most 2000 characters");
		}
		return note == null || note.isBlank() ? null : note;
	}

	private Change change(Row row) {
		return changes(List.of(row)).get(0);
	}

	/**
	 * The changes of {@code rows}, reading owners, approvals and history for all at once.
	 */
	private List<Change> changes(List<Row> rows) {
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<String, String> owners = this.services.owners(rows.stream().map(Row::service).distinct().toList());
		Map<Long, List<ChangeStore.ApprovalRow>> approvals = this.store.approvals(ids);
		Map<Long, List<ChangeStore.StepRow>> history = this.store.history(ids);
		return rows.stream()
			.map(row -> change(row, owners.get(row.service()), approvals.getOrDefault(row.id(), List.of()),
					history.getOrDefault(row.id(), List.of())))
			.toList();
	}

	private Change change(Row row, String owner, List<ChangeStore.ApprovalRow> approvals,
			List<ChangeStore.StepRow> history) {
		boolean submitted = ChangeStatus.SUBMITTED.key().equals(row.status());
		return new Change(row.id(), row.service(), owner, row.title(),
				Keyed.fromKey(ChangeCategory.class, row.category()).orElseThrow(), row.description(),
				Keyed.fromKey(ChangeRisk.class, row.risk()).orElseThrow(), row.implementer(), row.environment(),
				row.plannedStart(), row.plannedEnd(), row.rollbackPlan(),
				row.emergencyJustification() == null ? null
						: new Emergency(row.emergencyJustification(), row.emergencyIncident()),
				Keyed.fromKey(ChangeStatus.class, row.status()).orElseThrow(),
				row.gate() == null ? null : this.json.readValue(row.gate(), GateDecision.class),
				approvals.stream()
					.map(approval -> new Approval(approval.approver(), approval.side(), approval.at()))
					.toList(),
				submitted && owner != null ? approvalsNeeded(row, owner, approvals) : List.of(), row.outcome(),
				row.createdBy(), row.createdAt(), row.startedAt(), row.finishedAt(),
				history.stream()
					.map(step -> new Step(step.at(), Keyed.fromKey(ChangeStatus.class, step.status()).orElseThrow(),
							step.actor(), step.detail()))
					.toList(),
				row.revision());
	}

	private static NotFound notFound(long id) {
		return NotFound.because("No change request with id " + id);
	}

}
