package dev.steward.apis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.apis.internal.ApiStore;
import dev.steward.apis.internal.ConsumerStore;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Text;
import dev.steward.common.Validation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The APIs each service exposes. An API belongs to exactly one service, and its name is
 * unique across the organization so that consumers and links can name it alone.
 */
@Service
@Transactional
public class Apis {

	private static final int MAX_DESCRIPTION = 4000;

	private final ApiStore store;

	private final ConsumerStore consumers;

	private final ServiceCatalog services;

	private final AuditTrail audit;

	private final Clock clock;

	Apis(ApiStore store, ConsumerStore consumers, ServiceCatalog services, AuditTrail audit, Clock clock) {
		this.store = store;
		this.consumers = consumers;
		this.services = services;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ApiEntry api(String name) {
		return findApi(name).orElseThrow(() -> NotFound.of("API", name));
	}

	@Transactional(readOnly = true)
	public Optional<ApiEntry> findApi(String name) {
		return this.store.find(name).map(Apis::entry);
	}

	/** The APIs of one service by name. */
	@Transactional(readOnly = true)
	public List<ApiEntry> ofService(String service) {
		this.services.service(service);
		return this.store.ofService(service).stream().map(Apis::entry).toList();
	}

	/** A page of every API, optionally of one service, type or visibility. */
	@Transactional(readOnly = true)
	public Page<ApiEntry> apis(String service, String type, String visibility, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		Validation validation = new Validation();
		ApiType apiType = validation.keyed("type", type, ApiType.class, false);
		ApiVisibility apiVisibility = validation.keyed("visibility", visibility, ApiVisibility.class, false);
		validation.throwIfInvalid();
		return Page.of(
				this.store.page(Text.blankToNull(service), apiType == null ? null : apiType.key(),
						apiVisibility == null ? null : apiVisibility.key(), Cursor.decode(cursor), size + 1),
				size, ApiStore.Row::name)
			.map(Apis::entry);
	}

	/**
	 * Registers an API of the service; a name taken anywhere in the organization
	 * conflicts.
	 */
	public ApiEntry create(String service, ApiRequest request) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.name("name", request.name());
		Fields fields = validate(validation, request);
		validation.throwIfInvalid();
		if (this.store.find(request.name()).isPresent()) {
			throw Conflict.duplicate("API", request.name());
		}
		Instant now = this.clock.instant();
		try {
			this.store.insert(new ApiStore.Row(request.name(), service, fields.visibility().key(), fields.type().key(),
					Text.blankToNull(request.description()), Text.blankToNull(request.documentation()), null, now, now,
					1));
		}
		catch (DuplicateKeyException ex) {
			throw Conflict.duplicate("API", request.name());
		}
		ApiEntry created = api(request.name());
		this.audit.record("api.created", target(created.name()), service, null, created);
		return created;
	}

	/**
	 * Replaces what the API says about itself; its type may change only while it has no
	 * versions, since they were written in the old one.
	 */
	public ApiEntry update(String name, ApiRequest request, String ifMatch) {
		ApiEntry before = api(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		Fields fields = validate(validation, request);
		validation.throwIfInvalid();
		if (fields.type() != before.type() && before.latestVersion() != null) {
			throw Conflict.because("API '" + name + "' has published versions written as " + before.type().key()
					+ "; register a new API for a " + fields.type().key() + " contract");
		}
		boolean updated = this.store.update(new ApiStore.Row(name, before.service(), fields.visibility().key(),
				fields.type().key(), Text.blankToNull(request.description()), Text.blankToNull(request.documentation()),
				null, before.createdAt(), this.clock.instant(), before.version()));
		if (!updated) {
			throw PreconditionFailed.concurrentUpdate();
		}
		ApiEntry after = api(name);
		this.audit.record("api.updated", target(name), after.service(), before, after);
		return after;
	}

	/** Removes the API with its versions; refused while services still consume it. */
	public void delete(String name, String ifMatch) {
		ApiEntry before = api(name);
		ETags.check(ifMatch, before.version());
		List<String> users = this.consumers.ofApi(name).stream().map(Consumer::service).toList();
		if (!users.isEmpty()) {
			throw Conflict.because("API '" + name + "' still has consumers: " + String.join(", ", users))
				.detail("consumers", users);
		}
		this.store.delete(name);
		this.audit.record("api.deleted", target(name), before.service(), before, null);
	}

	private static Fields validate(Validation validation, ApiRequest request) {
		ApiVisibility visibility = validation.keyed("visibility", request.visibility(), ApiVisibility.class, true);
		ApiType type = validation.keyed("type", request.type(), ApiType.class, true);
		validation.maxLength("description", request.description(), MAX_DESCRIPTION);
		validation.httpUrl("documentation", Text.blankToNull(request.documentation()), false);
		return new Fields(visibility, type);
	}

	static String target(String api) {
		return "apis/" + api;
	}

	private static ApiEntry entry(ApiStore.Row row) {
		return new ApiEntry(row.name(), row.service(),
				Keyed.fromKey(ApiVisibility.class, row.visibility()).orElseThrow(),
				Keyed.fromKey(ApiType.class, row.type()).orElseThrow(), row.description(), row.documentation(),
				row.latestVersion(), row.createdAt(), row.updatedAt(), row.version());
	}

	private record Fields(ApiVisibility visibility, ApiType type) {
	}

}
