package dev.steward.catalog;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.internal.Delegations;
import dev.steward.catalog.internal.Dependencies;
import dev.steward.catalog.internal.OwnershipHistory;
import dev.steward.catalog.internal.Products;
import dev.steward.catalog.internal.Services;
import dev.steward.catalog.internal.Teams;
import dev.steward.catalog.internal.Transfers;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Upsert;
import dev.steward.common.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Services and everything that hangs off ownership: exactly one owning team per service,
 * dependencies, the responsibility matrix with delegations, and transfers, the only way
 * ownership moves.
 */
@Service
@Transactional
public class ServiceCatalog {

	private final Services services;

	private final Teams teams;

	private final Products products;

	private final Dependencies dependencies;

	private final Delegations delegations;

	private final Transfers transfers;

	private final OwnershipHistory history;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ServiceCatalog(Services services, Teams teams, Products products, Dependencies dependencies,
			Delegations delegations, Transfers transfers, OwnershipHistory history, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.services = services;
		this.teams = teams;
		this.products = products;
		this.dependencies = dependencies;
		this.delegations = delegations;
		this.transfers = transfers;
		this.history = history;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ServiceEntry service(String name) {
		return findService(name).orElseThrow(() -> NotFound.of("service", name));
	}

	@Transactional(readOnly = true)
	public Optional<ServiceEntry> findService(String name) {
		return this.services.find(name);
	}

	/** The owning team of each of {@code names} that exists, in one query. */
	@Transactional(readOnly = true)
	public Map<String, String> owners(Collection<String> names) {
		return this.services.owners(names);
	}

	@Transactional(readOnly = true)
	public boolean exists(String name) {
		return this.services.find(name).isPresent();
	}

	@Transactional(readOnly = true)
	public Page<ServiceEntry> services(ServiceFilter filter, Integer limit, String cursor) {
		Validation validation = new Validation();
		validation.range("tier", filter.tier(), Tier.HIGHEST, Tier.LOWEST);
		validation.oneOf("lifecycle", filter.lifecycle(), Keyed.keys(Lifecycle.class));
		validation.throwIfInvalid();
		int size = Cursor.limit(limit);
		return Page.of(this.services.page(filter, Cursor.decode(cursor), size + 1), size, ServiceEntry::name);
	}

	@Transactional(readOnly = true)
	public List<String> ownedBy(String team) {
		return this.services.ownedBy(team);
	}

	public ServiceEntry register(ServiceRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		if (validation.required("owner", request.owner()) && !this.teams.exists(request.owner())) {
			validation.error("owner", "no team named '" + request.owner() + "'");
		}
		Instant now = now();
		ServiceEntry entry = validated(validation, request, request.name(), request.owner(), now, now, 0);
		if (this.services.find(request.name()).isPresent()) {
			throw Conflict.duplicate("service", request.name());
		}
		this.services.insert(entry);
		this.history.append(entry.name(),
				new OwnershipChange(entry.createdAt(), null, entry.owner(), CurrentActor.name(), null, "registered"));
		ServiceEntry created = service(entry.name());
		this.audit.record("service.created", created.name(), created.name(), null, created);
		this.events.publishEvent(new ServiceRegistered(created.name(), created.owner(), created.tier()));
		return created;
	}

	public ServiceEntry update(String name, ServiceRequest request, String ifMatch) {
		ServiceEntry before = service(name);
		ETags.check(ifMatch, before.version());
		if (request.owner() != null && !request.owner().equals(before.owner())) {
			throw Conflict.because("The owner of '" + name + "' is '" + before.owner()
					+ "'; ownership moves only through a transfer (POST /api/v1/services/" + name + "/transfers)");
		}
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		ServiceEntry entry = validated(validation, request, name, before.owner(), before.createdAt(), now(),
				before.version());
		if (!this.services.update(entry)) {
			throw PreconditionFailed.concurrentUpdate();
		}
		ServiceEntry after = service(name);
		this.audit.record("service.updated", name, name, before, after);
		return after;
	}

	public void delete(String name, String ifMatch) {
		ServiceEntry before = service(name);
		ETags.check(ifMatch, before.version());
		List<String> consumers = this.dependencies.consumersOf(name).stream().map(Dependency::consumer).toList();
		if (!consumers.isEmpty()) {
			throw Conflict.because("Service '" + name + "' still has " + consumers.size() + " consumer(s)")
				.detail("consumers", consumers);
		}
		this.services.delete(name);
		this.audit.record("service.deleted", name, name, before, null);
	}

	private ServiceEntry validated(Validation validation, ServiceRequest request, String name, String owner,
			Instant createdAt, Instant updatedAt, long version) {
		validation.required("title", request.title());
		validation.maxLength("title", request.title(), 200);
		validation.maxLength("description", request.description(), 4000);
		if (validation.required("tier", request.tier())) {
			validation.range("tier", request.tier(), Tier.HIGHEST, Tier.LOWEST);
		}
		String lifecycle = request.lifecycle() == null ? Lifecycle.EXPERIMENTAL.key() : request.lifecycle();
		validation.oneOf("lifecycle", lifecycle, Keyed.keys(Lifecycle.class));
		if (request.product() != null && !this.products.exists(request.product())) {
			validation.error("product", "no product named '" + request.product() + "'");
		}
		List<String> responsibilities = texts(validation, "responsibilities", request.responsibilities(), 1000);
		List<String> tags = texts(validation, "tags", request.tags(), 63);
		Map<String, String> links = new LinkedHashMap<>();
		if (request.links() != null) {
			request.links().forEach((key, value) -> {
				if (!Validation.isName(key)) {
					validation.error("links." + key, "link names must be lower-case slugs");
				}
				else if (!isWebAddress(value)) {
					validation.error("links." + key, "must be an absolute http(s) URL");
				}
				else {
					links.put(key, value);
				}
			});
		}
		validation.throwIfInvalid();
		return new ServiceEntry(name, request.title(), request.description(), owner, request.tier(),
				Keyed.fromKey(Lifecycle.class, lifecycle).orElseThrow(), request.product(), responsibilities, links,
				tags, createdAt, updatedAt, version);
	}

	private static List<String> texts(Validation validation, String field, List<String> values, int maxLength) {
		List<String> result = new ArrayList<>();
		if (values == null) {
			return result;
		}
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (validation.required(field + "[" + i + "]", value)) {
				validation.maxLength(field + "[" + i + "]", value, maxLength);
				result.add(value.trim());
			}
		}
		return result;
	}

	private static boolean isWebAddress(String value) {
		try {
			URI uri = value == null ? null : new URI(value);
			return uri != null && uri.isAbsolute()
					&& ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	@Transactional(readOnly = true)
	public List<Dependency> dependencies(String service) {
		service(service);
		return this.dependencies.of(service);
	}

	@Transactional(readOnly = true)
	public List<Dependency> consumers(String service) {
		service(service);
		return this.dependencies.consumersOf(service);
	}

	public Upsert<Dependency> putDependency(String consumer, String provider, DependencyRequest request) {
		service(consumer);
		Validation validation = new Validation();
		if (provider.equals(consumer)) {
			validation.error("provider", "a service cannot depend on itself");
		}
		else if (this.services.find(provider).isEmpty()) {
			validation.error("provider", "no service named '" + provider + "'");
		}
		if (validation.required("criticality", request.criticality())) {
			validation.oneOf("criticality", request.criticality(), Keyed.keys(Criticality.class));
		}
		validation.maxLength("note", request.note(), 1000);
		validation.throwIfInvalid();
		Dependency before = this.dependencies.find(consumer, provider).orElse(null);
		boolean created = this.dependencies.put(consumer, provider,
				Keyed.fromKey(Criticality.class, request.criticality()).orElseThrow(), request.note(), now());
		Dependency after = this.dependencies.find(consumer, provider).orElseThrow();
		this.audit.record("dependency.set", consumer + "/dependencies/" + provider, consumer, before, after);
		return new Upsert<>(after, created);
	}

	/**
	 * Makes a service's dependencies exactly {@code wanted} (provider → criticality) in
	 * batches, with one audit entry for the whole change; answers whether anything
	 * changed.
	 */
	public boolean replaceDependencies(String consumer, Map<String, String> wanted) {
		service(consumer);
		Validation validation = new Validation();
		wanted.forEach((provider, criticality) -> {
			if (provider.equals(consumer)) {
				validation.error("dependencies", "a service cannot depend on itself");
			}
			if (validation.required("dependencies." + provider + ".criticality", criticality)) {
				validation.oneOf("dependencies." + provider + ".criticality", criticality,
						Keyed.keys(Criticality.class));
			}
		});
		this.services.missing(new HashSet<>(wanted.keySet()))
			.forEach(provider -> validation.error("dependencies", "no service named '" + provider + "'"));
		validation.throwIfInvalid();
		List<Dependency> before = this.dependencies.of(consumer);
		Map<String, Criticality> current = new HashMap<>();
		before.forEach(edge -> current.put(edge.provider(), edge.criticality()));
		Map<String, Criticality> added = new LinkedHashMap<>();
		Map<String, Criticality> changed = new LinkedHashMap<>();
		wanted.forEach((provider, key) -> {
			Criticality criticality = Keyed.fromKey(Criticality.class, key).orElseThrow();
			Criticality existing = current.remove(provider);
			if (existing == null) {
				added.put(provider, criticality);
			}
			else if (existing != criticality) {
				changed.put(provider, criticality);
			}
		});
		if (added.isEmpty() && changed.isEmpty() && current.isEmpty()) {
			return false;
		}
		this.dependencies.putAll(consumer, added, changed, now());
		this.dependencies.deleteAll(consumer, current.keySet());
		this.audit.record("dependencies.replaced", consumer + "/dependencies", consumer, before,
				this.dependencies.of(consumer));
		return true;
	}

	public void removeDependency(String consumer, String provider) {
		service(consumer);
		Dependency before = this.dependencies.find(consumer, provider)
			.orElseThrow(() -> NotFound.because("Service '" + consumer + "' does not depend on '" + provider + "'"));
		this.dependencies.delete(consumer, provider);
		this.audit.record("dependency.removed", consumer + "/dependencies/" + provider, consumer, before, null);
	}

	/** The fourteen rows of a service's responsibility matrix, in the seed's order. */
	@Transactional(readOnly = true)
	public List<Responsibility> responsibilities(String service) {
		ServiceEntry entry = service(service);
		Map<Aspect, Delegations.Row> delegated = this.delegations.of(service);
		List<Responsibility> rows = new ArrayList<>();
		for (Aspect aspect : Aspect.values()) {
			Delegations.Row row = delegated.get(aspect);
			rows.add(row == null ? new Responsibility(aspect, entry.owner(), entry.owner(), DelegationStatus.OWNER)
					: new Responsibility(aspect, row.handledBy(), entry.owner(), row.status()));
		}
		return rows;
	}

	/**
	 * Names the team that handles an aspect: the owner takes it back at once; another
	 * team's delegation stays pending until that team accepts it.
	 */
	public Responsibility delegate(String service, String aspectKey, String handledBy) {
		ServiceEntry entry = service(service);
		Aspect aspect = aspect(aspectKey);
		Validation validation = new Validation();
		if (validation.required("handledBy", handledBy) && !this.teams.exists(handledBy)) {
			validation.error("handledBy", "no team named '" + handledBy + "'");
		}
		validation.throwIfInvalid();
		Responsibility before = responsibility(service, aspect);
		if (handledBy.equals(entry.owner())) {
			this.delegations.remove(service, aspect);
		}
		else {
			this.delegations.put(service, aspect, handledBy, DelegationStatus.PENDING, now());
		}
		Responsibility after = responsibility(service, aspect);
		this.audit.record("responsibility.delegated", service + "/responsibilities/" + aspect.key(), service, before,
				after);
		return after;
	}

	public Responsibility acceptDelegation(String service, String aspectKey) {
		return decideDelegation(service, aspect(aspectKey), DelegationStatus.ACCEPTED);
	}

	public Responsibility declineDelegation(String service, String aspectKey) {
		return decideDelegation(service, aspect(aspectKey), DelegationStatus.DECLINED);
	}

	private Responsibility decideDelegation(String service, Aspect aspect, DelegationStatus outcome) {
		Responsibility before = responsibility(service, aspect);
		if (before.status() != DelegationStatus.PENDING) {
			throw Conflict.because("The '" + aspect.key() + "' responsibility of '" + service + "' is "
					+ before.status().key() + ", not pending; only a pending delegation can be " + outcome.key());
		}
		this.delegations.put(service, aspect, before.handledBy(), outcome, now());
		Responsibility after = responsibility(service, aspect);
		this.audit.record("responsibility." + outcome.key(), service + "/responsibilities/" + aspect.key(), service,
				before, after);
		return after;
	}

	private Responsibility responsibility(String service, Aspect aspect) {
		return responsibilities(service).get(aspect.ordinal());
	}

	private static Aspect aspect(String key) {
		return Keyed.fromKey(Aspect.class, key)
			.orElseThrow(() -> NotFound
				.because("No aspect '" + key + "'; aspects are " + String.join(", ", Keyed.keys(Aspect.class))));
	}

	/**
	 * The delegated rows of every service's responsibility matrix, by service; aspects
	 * the owner handles itself are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<Responsibility>> allDelegations() {
		return this.delegations.all();
	}

	/** Every dependency of the criticality across the organization. */
	@Transactional(readOnly = true)
	public List<Dependency> allDependencies(Criticality criticality) {
		return this.dependencies.withCriticality(criticality);
	}

	/** Services and aspects that a team handles on another owner's behalf. */
	@Transactional(readOnly = true)
	public List<DelegatedAspect> handledBy(String team) {
		return this.delegations.handledBy(team)
			.stream()
			.map(row -> new DelegatedAspect(row.service(), row.aspect(), row.status()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Transfer> transfers(String service) {
		service(service);
		return this.transfers.of(service);
	}

	@Transactional(readOnly = true)
	public Transfer transfer(String service, String id) {
		return this.transfers.find(service, id)
			.orElseThrow(() -> NotFound.because("No transfer '" + id + "' of service '" + service + "'"));
	}

	public Transfer proposeTransfer(String service, String toTeam, String note) {
		ServiceEntry entry = service(service);
		Validation validation = new Validation();
		if (validation.required("toTeam", toTeam) && !this.teams.exists(toTeam)) {
			validation.error("toTeam", "no team named '" + toTeam + "'");
		}
		validation.maxLength("note", note, 1000);
		validation.throwIfInvalid();
		if (toTeam.equals(entry.owner())) {
			throw Conflict.because("Team '" + toTeam + "' already owns '" + service + "'");
		}
		this.transfers.pending(service).ifPresent(pending -> {
			throw Conflict
				.because("Transfer " + pending.id() + " of '" + service + "' to '" + pending.toTeam()
						+ "' is still pending; accept, decline or cancel it first")
				.detail("transfer", pending.id());
		});
		Transfer transfer = new Transfer(UUID.randomUUID().toString(), service, entry.owner(), toTeam, note,
				TransferStatus.PENDING, CurrentActor.name(), now(), null, null);
		this.transfers.insert(transfer);
		this.audit.record("transfer.proposed", service + "/transfers/" + transfer.id(), service, null, transfer);
		return transfer;
	}

	/**
	 * The receiving team accepts: the service changes owner and the history records it.
	 */
	public Transfer acceptTransfer(String service, String id) {
		Transfer before = decide(service, id, TransferStatus.ACCEPTED);
		Instant at = now();
		this.services.changeOwner(service, before.toTeam(), at);
		this.delegations.removeTo(service, before.toTeam());
		this.history.append(service,
				new OwnershipChange(at, before.fromTeam(), before.toTeam(), CurrentActor.name(), id, before.note()));
		Transfer after = transfer(service, id);
		this.audit.record("transfer.accepted", service + "/transfers/" + id, service, before, after);
		this.events.publishEvent(new OwnershipTransferred(service, before.fromTeam(), before.toTeam(), id, at));
		return after;
	}

	public Transfer declineTransfer(String service, String id) {
		return closeWithoutChange(service, id, TransferStatus.DECLINED);
	}

	public Transfer cancelTransfer(String service, String id) {
		return closeWithoutChange(service, id, TransferStatus.CANCELLED);
	}

	private Transfer closeWithoutChange(String service, String id, TransferStatus outcome) {
		Transfer before = decide(service, id, outcome);
		Transfer after = transfer(service, id);
		this.audit.record("transfer." + outcome.key(), service + "/transfers/" + id, service, before, after);
		return after;
	}

	private Transfer decide(String service, String id, TransferStatus outcome) {
		Transfer before = transfer(service, id);
		if (before.status() != TransferStatus.PENDING
				|| !this.transfers.decide(id, outcome, CurrentActor.name(), now())) {
			throw Conflict.because("Transfer " + id + " is " + before.status().key() + ", not pending");
		}
		return before;
	}

	@Transactional(readOnly = true)
	public List<OwnershipChange> ownershipHistory(String service) {
		service(service);
		return this.history.of(service);
	}

	private Instant now() {
		return this.clock.instant();
	}

}
