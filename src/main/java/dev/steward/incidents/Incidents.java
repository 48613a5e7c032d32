package dev.steward.incidents;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.Text;
import dev.steward.common.Validation;
import dev.steward.incidents.IncidentEntry.ResponseSla;
import dev.steward.incidents.internal.Escalation;
import dev.steward.incidents.internal.IncidentSettings;
import dev.steward.incidents.internal.IncidentStore;
import dev.steward.incidents.internal.ResponseWatch;
import dev.steward.incidents.internal.Timeline;
import dev.steward.oncall.EscalationPolicies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents: opened by events or by hand, folded by dedup key, acknowledged and resolved
 * by events, people and the CLI, with a timeline of everything that happened and a
 * response SLA.
 */
@Service
@Transactional
public class Incidents {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private static final int MAX_TITLE = 1024;

	/** How many of an incident's first events its links are gathered from. */
	private static final int LINKED_EVENTS = 100;

	private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://\\S+");

	private final IncidentStore store;

	private final Timeline timeline;

	private final Escalation escalation;

	private final ResponseWatch watch;

	private final Postmortems postmortems;

	private final ServiceCatalog services;

	private final Directory directory;

	private final EscalationPolicies policies;

	private final IncidentSettings settings;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	Incidents(IncidentStore store, Timeline timeline, Escalation escalation, ResponseWatch watch,
			Postmortems postmortems, ServiceCatalog services, Directory directory, EscalationPolicies policies,
			IncidentSettings settings, AuditTrail audit, JsonMapper json, Clock clock) {
		this.store = store;
		this.timeline = timeline;
		this.escalation = escalation;
		this.watch = watch;
		this.postmortems = postmortems;
		this.services = services;
		this.directory = directory;
		this.policies = policies;
		this.settings = settings;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public IncidentEntry incident(long number) {
		return this.store.find(number).map(this::entry).orElseThrow(() -> NotFound.of("incident", "#" + number));
	}

	@Transactional(readOnly = true)
	public Optional<String> serviceOf(long number) {
		return this.store.find(number).map(IncidentStore.Row::service);
	}

	@Transactional(readOnly = true)
	public Page<IncidentEntry> incidents(String service, String status, String urgency, Instant since, Integer limit,
			String cursor) {
		Validation validation = new Validation();
		validation.oneOf("status", status, Keyed.keys(IncidentStatus.class));
		validation.oneOf("urgency", urgency, Keyed.keys(Urgency.class));
		validation.throwIfInvalid();
		int size = Cursor.limit(limit);
		Long before = Cursor.decodeNumber(cursor);
		return Page
			.of(this.store.page(service, status, urgency, since, before, size + 1), size,
					row -> Long.toString(row.number()))
			.map(this::entry);
	}

	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(long number) {
		incident(number);
		return this.store.timeline(number)
			.stream()
			.map(row -> new TimelineEntry(row.id(), row.at(), row.type(), row.actor(), row.message(),
					row.data() == null ? Map.of() : this.json.readValue(row.data(), DETAILS)))
			.toList();
	}

	/**
	 * The web links the incident's events carried, each address once and in the order
	 * they arrived; anything but an http or https address is left out.
	 */
	@Transactional(readOnly = true)
	public List<IncidentLink> links(long number) {
		incident(number);
		Map<String, IncidentLink> links = new LinkedHashMap<>();
		for (String payload : this.store.eventPayloads(number, LINKED_EVENTS)) {
			for (JsonNode link : this.json.readTree(payload).path("links")) {
				String href = link.path("href").isString() ? link.path("href").asString().strip() : "";
				String text = link.path("text").isString() ? Text.blankToNull(link.path("text").asString()) : null;
				if (WEB_ADDRESS.matcher(href).matches()) {
					links.putIfAbsent(href, new IncidentLink(href, text != null ? text : href));
				}
			}
		}
		return List.copyOf(links.values());
	}

	/** The events filed on an incident, newest first (at most the latest 500). */
	@Transactional(readOnly = true)
	public List<AlertEntry> alerts(long number) {
		incident(number);
		return this.store.events(number, Cursor.MAX_LIMIT);
	}

	/**
	 * The response times of every incident triggered in {@code [since, until)}, of
	 * {@code services} or of all services when it is null, in one query: the raw figures
	 * of reports.
	 */
	@Transactional(readOnly = true)
	public List<IncidentTimes> times(Collection<String> services, Instant since, Instant until) {
		if (services != null && services.isEmpty()) {
			return List.of();
		}
		return this.store.times(services, since, until);
	}

	/** Opens an incident by hand, as the signed-in user. */
	public IncidentEntry open(ManualIncidentRequest request) {
		Validation validation = new Validation();
		validation.name("service", request.service());
		validation.required("title", request.title());
		validation.maxLength("title", request.title(), MAX_TITLE);
		Severity severity = validation.keyed("severity", request.severity(), Severity.class, true);
		validation.throwIfInvalid();
		ServiceEntry service = this.services.findService(request.service())
			.orElseThrow(() -> InvalidInput.field("service", "names no service: '" + request.service() + "'"));
		long number = create(service, "manual-" + UUID.randomUUID(), request.title(), severity, null, request.details(),
				CurrentActor.name(), null);
		IncidentEntry created = incident(number);
		this.audit.record("incident.opened", "#" + number, service.name(), null, created);
		return created;
	}

	public IncidentEntry acknowledge(long number) {
		IncidentEntry before = incident(number);
		acknowledge(number, CurrentActor.name());
		IncidentEntry after = incident(number);
		this.audit.record("incident.acknowledged", "#" + number, before.service(), before.status(), after.status());
		return after;
	}

	public IncidentEntry resolve(long number) {
		IncidentEntry before = incident(number);
		resolve(number, CurrentActor.name());
		IncidentEntry after = incident(number);
		this.audit.record("incident.resolved", "#" + number, before.service(), before.status(), after.status());
		return after;
	}

	/**
	 * Hands an open incident to one user (who is paged now, without further escalation)
	 * or to another escalation policy (paged from its level 1); either way it is
	 * triggered again.
	 */
	public IncidentEntry reassign(long number, ReassignRequest request) {
		IncidentEntry before = incident(number);
		Validation validation = new Validation();
		if ((request.user() == null) == (request.policy() == null)) {
			validation.error("user", "name either a user or a policy");
		}
		validation.optionalName("user", request.user());
		validation.optionalName("policy", request.policy());
		validation.throwIfInvalid();
		if (before.status() == IncidentStatus.RESOLVED) {
			throw Conflict.because("Incident #" + number + " is resolved; it cannot be reassigned");
		}
		if (request.policy() != null && this.policies.findPolicy(request.policy()).isEmpty()) {
			throw InvalidInput.field("policy", "names no escalation policy: '" + request.policy() + "'");
		}
		if (request.user() != null && this.directory.findUser(request.user()).isEmpty()) {
			throw InvalidInput.field("user", "names no user: '" + request.user() + "'");
		}
		this.escalation.halt(number);
		String actor = CurrentActor.name();
		if (request.policy() != null) {
			this.store.retrigger(number, request.policy());
			this.timeline.record(number, "reassigned", actor, "To escalation policy " + request.policy(),
					Map.of("policy", request.policy()));
			this.escalation.begin(number);
		}
		else {
			this.store.retrigger(number, before.policy());
			this.timeline.record(number, "reassigned", actor, "To " + request.user(), Map.of("user", request.user()));
			this.escalation.pageDirectly(number, request.user());
		}
		IncidentEntry after = incident(number);
		this.audit.record("incident.reassigned", "#" + number, before.service(), before.assignees(), after.assignees());
		return after;
	}

	public TimelineEntry note(long number, String text) {
		incident(number);
		Validation validation = new Validation();
		validation.required("text", text);
		validation.maxLength("text", text, 4000);
		validation.throwIfInvalid();
		this.timeline.record(number, "note", CurrentActor.name(), text, null);
		List<TimelineEntry> entries = timeline(number);
		return entries.get(entries.size() - 1);
	}

	/**
	 * Files an event that arrived through a door for a service, in one transaction; for
	 * {@link EventIntake}.
	 */
	public EventOutcome ingest(ServiceEntry service, Event event, String actor) {
		return ingest(service, event, actor, null);
	}

	/**
	 * As {@link #ingest(ServiceEntry, Event, String)}, with the urgency of a new incident
	 * set by the caller (such as an SLO burn alert: a page is high, a ticket low) instead
	 * of by tier and severity; {@code null} leaves it to them.
	 */
	public EventOutcome ingest(ServiceEntry service, Event event, String actor, Urgency urgency) {
		Instant now = this.clock.instant();
		if (event.action() == EventAction.TRIGGER) {
			String dedupKey = event.dedupKey() != null ? event.dedupKey() : UUID.randomUUID().toString();
			Optional<IncidentStore.Row> open = this.store.openForUpdate(service.name(), dedupKey);
			if (open.isPresent()) {
				long number = open.get().number();
				this.store.countAlert(number);
				storeEvent(number, event, now);
				this.timeline.record(number, "alert", actor, event.summary(),
						Map.of("severity", event.severity().key(), "door", event.door()));
				return new EventOutcome(dedupKey, number, false);
			}
			long number = create(service, dedupKey, event.summary(), event.severity(), event.source(), event.details(),
					actor, urgency);
			storeEvent(number, event, now);
			return new EventOutcome(dedupKey, number, true);
		}
		Optional<IncidentStore.Row> open = this.store.openForUpdate(service.name(), event.dedupKey());
		if (open.isEmpty()) {
			return new EventOutcome(event.dedupKey(), null, false);
		}
		long number = open.get().number();
		storeEvent(number, event, now);
		if (event.action() == EventAction.ACKNOWLEDGE) {
			acknowledge(number, actor);
		}
		else {
			resolve(number, actor);
		}
		return new EventOutcome(event.dedupKey(), number, false);
	}

	private long create(ServiceEntry service, String dedupKey, String title, Severity severity, String source,
			Map<String, Object> details, String actor, Urgency requestedUrgency) {
		Instant now = this.clock.instant();
		Urgency urgency = requestedUrgency != null ? requestedUrgency : this.settings.urgency(service.tier(), severity);
		IncidentSettings.Sla sla = this.settings.sla(service.tier(), urgency);
		String policy = this.policies.policyOf(service.name()).orElse(null);
		Instant ackBy = now.plus(sla.acknowledgeWithin());
		Instant resolveBy = now.plus(sla.resolveWithin());
		long number = this.store.insert(new IncidentStore.Row(0, service.name(), Text.truncate(title, MAX_TITLE),
				severity.key(), urgency.key(), IncidentStatus.TRIGGERED.key(), dedupKey, source,
				details == null || details.isEmpty() ? null : this.json.writeValueAsString(details), 1, policy, 0, 0, 0,
				now, null, null, null, null, ackBy, resolveBy, 1));
		this.watch.watch(number, ackBy, resolveBy);
		this.timeline.record(number, "triggered", actor, title,
				Map.of("severity", severity.key(), "urgency", urgency.key()));
		this.escalation.begin(number);
		return number;
	}

	private void acknowledge(long number, String actor) {
		IncidentStore.Row row = this.store.findForUpdate(number).orElseThrow();
		if (!IncidentStatus.TRIGGERED.key().equals(row.status())) {
			throw Conflict.because("Incident #" + number + " is " + row.status() + "; only a triggered incident can "
					+ "be acknowledged");
		}
		Instant now = this.clock.instant();
		this.store.acknowledge(number, now, actor);
		this.timeline.record(number, "acknowledged", actor, null, null);
		this.escalation.halt(number);
		this.watch.acknowledged(number, now);
	}

	private void resolve(long number, String actor) {
		IncidentStore.Row row = this.store.findForUpdate(number).orElseThrow();
		if (IncidentStatus.RESOLVED.key().equals(row.status())) {
			throw Conflict.because("Incident #" + number + " is already resolved");
		}
		this.store.resolve(number, this.clock.instant(), actor);
		this.timeline.record(number, "resolved", actor, null, null);
		int tier = this.services.findService(row.service()).map(ServiceEntry::tier).orElse(Integer.MAX_VALUE);
		if (Postmortems.required(tier, Keyed.fromKey(Urgency.class, row.urgency()).orElseThrow())) {
			this.postmortems.require(number);
			this.timeline.record(number, "postmortem-required", null,
					"A postmortem is due for this high-urgency incident of a tier-" + tier + " service", null);
		}
		this.escalation.halt(number);
	}

	private void storeEvent(long number, Event event, Instant at) {
		this.store.insertEvent(number, event.action().key(), at, event.door(), event.summary(),
				event.severity() == null ? null : event.severity().key(), event.source(),
				this.json.writeValueAsString(event));
	}

	private IncidentEntry entry(IncidentStore.Row row) {
		Instant now = this.clock.instant();
		Instant acknowledged = row.acknowledgedAt() != null ? row.acknowledgedAt() : row.resolvedAt();
		Instant resolved = row.resolvedAt();
		ResponseSla sla = new ResponseSla(row.ackBy(), row.resolveBy(),
				(acknowledged != null ? acknowledged : now).isAfter(row.ackBy()),
				(resolved != null ? resolved : now).isAfter(row.resolveBy()));
		return new IncidentEntry(row.number(), row.service(), row.title(),
				Keyed.fromKey(IncidentStatus.class, row.status()).orElseThrow(),
				Keyed.fromKey(Urgency.class, row.urgency()).orElseThrow(),
				Keyed.fromKey(Severity.class, row.severity()).orElseThrow(), row.dedupKey(), row.source(),
				row.alertCount(), row.policy(), row.level(), row.round(), this.store.assignees(row.number()),
				row.createdAt(), row.acknowledgedAt(), row.acknowledgedBy(), row.resolvedAt(), row.resolvedBy(), sla,
				row.details() == null ? Map.of() : this.json.readValue(row.details(), DETAILS), row.version());
	}

}
