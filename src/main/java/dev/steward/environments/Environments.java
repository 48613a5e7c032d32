package dev.steward.environments;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.steward.audit.AuditTrail;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Validation;
import dev.steward.environments.internal.EnvironmentStore;
import dev.steward.environments.internal.EnvironmentStore.Row;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization's environments and their promotion order. */
@Service
@Transactional
public class Environments {

	private static final int MAX_ORDER = 10_000;

	private final EnvironmentStore store;

	private final AuditTrail audit;

	private final Clock clock;

	Environments(EnvironmentStore store, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public EnvironmentEntry environment(String name) {
		return findEnvironment(name).orElseThrow(() -> NotFound.of("environment", name));
	}

	@Transactional(readOnly = true)
	public Optional<EnvironmentEntry> findEnvironment(String name) {
		return this.store.find(name).map(Environments::entry);
	}

	/** Every environment in promotion order. */
	@Transactional(readOnly = true)
	public List<EnvironmentEntry> all() {
		return this.store.all().stream().map(Environments::entry).toList();
	}

	@Transactional(readOnly = true)
	public Page<EnvironmentEntry> environments(Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		Long after = Cursor.decodeNumber(cursor);
		return Page
			.of(this.store.page(after == null ? null : after.intValue(), size + 1), size,
					row -> Integer.toString(row.position()))
			.map(Environments::entry);
	}

	/** The environment right before {@code name} in the promotion order, if any. */
	@Transactional(readOnly = true)
	public Optional<EnvironmentEntry> previous(String name) {
		EnvironmentEntry environment = environment(name);
		EnvironmentEntry previous = null;
		for (EnvironmentEntry candidate : all()) {
			if (candidate.order() < environment.order()) {
				previous = candidate;
			}
		}
		return Optional.ofNullable(previous);
	}

	public EnvironmentEntry create(EnvironmentRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		EnvironmentKind kind = validate(validation, request);
		validation.throwIfInvalid();
		if (this.store.find(request.name()).isPresent()) {
			throw Conflict.duplicate("environment", request.name());
		}
		requireFreeOrder(request.name(), request.order());
		this.store.insert(row(request.name(), kind, request, 0));
		EnvironmentEntry created = environment(request.name());
		this.audit.record("environment.created", created.name(), null, null, created);
		return created;
	}

	public EnvironmentEntry update(String name, EnvironmentRequest request, String ifMatch) {
		EnvironmentEntry before = environment(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		EnvironmentKind kind = validate(validation, request);
		validation.throwIfInvalid();
		requireFreeOrder(name, request.order());
		if (!this.store.update(row(name, kind, request, before.version()))) {
			throw PreconditionFailed.concurrentUpdate();
		}
		EnvironmentEntry after = environment(name);
		this.audit.record("environment.updated", name, null, before, after);
		return after;
	}

	public void delete(String name, String ifMatch) {
		EnvironmentEntry before = environment(name);
		ETags.check(ifMatch, before.version());
		try {
			this.store.delete(name);
		}
		catch (DataIntegrityViolationException ex) {
			throw Conflict.because("Environment '" + name
					+ "' is still named by deployment windows, service instances or deployments; remove those first");
		}
		this.audit.record("environment.deleted", name, null, before, null);
	}

	private EnvironmentKind validate(Validation validation, EnvironmentRequest request) {
		EnvironmentKind kind = validation.keyed("kind", request.kind(), EnvironmentKind.class, true);
		if (validation.required("order", request.order())) {
			validation.range("order", request.order(), 0, MAX_ORDER);
		}
		validation.maxLength("title", request.title(), 200);
		validation.maxLength("description", request.description(), 2000);
		return kind;
	}

	private void requireFreeOrder(String name, int order) {
		this.store.atPosition(order).filter(other -> !other.equals(name)).ifPresent(other -> {
			throw Conflict.because("Environment '" + other + "' already has order " + order
					+ "; each environment has its own place in the promotion order");
		});
	}

	private Row row(String name, EnvironmentKind kind, EnvironmentRequest request, long version) {
		boolean promotionRequired = request.promotionRequired() != null ? request.promotionRequired()
				: kind == EnvironmentKind.PRODUCTION;
		return new Row(name, request.title(), kind.key(), request.order(), promotionRequired, request.description(),
				this.clock.instant(), version);
	}

	private static EnvironmentEntry entry(Row row) {
		return new EnvironmentEntry(row.name(), row.title(),
				Keyed.fromKey(EnvironmentKind.class, row.kind()).orElseThrow(), row.position(), row.promotionRequired(),
				row.description(), row.createdAt(), row.version());
	}

}
