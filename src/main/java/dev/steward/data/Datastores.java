package dev.steward.data;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Aspect;
import dev.steward.catalog.DelegationStatus;
import dev.steward.catalog.Responsibility;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Text;
import dev.steward.common.Validation;
import dev.steward.data.internal.DatastoreStore;
import dev.steward.data.internal.SchemaStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's datastores, each owned by exactly one service, and the versioned
 * schemas of each. A datastore's name is unique across the organization, so a second
 * claim of a name is refused whoever makes it.
 */
@Service
@Transactional
public class Datastores {

	private static final Pattern SCHEMA_VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$");

	private static final int MAX_RETENTION_DAYS = 36_500;

	private static final int MAX_TEXT = 2000;

	private final DatastoreStore store;

	private final SchemaStore schemas;

	private final ServiceCatalog services;

	private final AuditTrail audit;

	private final Clock clock;

	private final int maxDocumentLength;

	Datastores(DatastoreStore store, SchemaStore schemas, ServiceCatalog services, AuditTrail audit, Clock clock,
			@Value("${steward.data.max-schema-chars:1000000}") int maxDocumentLength) {
		this.store = store;
		this.schemas = schemas;
		this.services = services;
		this.audit = audit;
		this.clock = clock;
		this.maxDocumentLength = maxDocumentLength;
	}

	@Transactional(readOnly = true)
	public DatastoreEntry datastore(String name) {
		return findDatastore(name).orElseThrow(() -> NotFound.of("datastore", name));
	}

	@Transactional(readOnly = true)
	public Optional<DatastoreEntry> findDatastore(String name) {
		return this.store.find(name).map(this::entry);
	}

	/** The datastores a service owns. */
	@Transactional(readOnly = true)
	public List<DatastoreEntry> ownedBy(String service) {
		this.services.service(service);
		return this.store.ownedBy(service).stream().map(this::entry).toList();
	}

	@Transactional(readOnly = true)
	public Page<DatastoreEntry> datastores(String owner, String kind, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		return Page
			.of(this.store.page(Text.blankToNull(owner), Text.blankToNull(kind), Cursor.decode(cursor), size + 1), size,
					DatastoreStore.Row::name)
			.map(this::entry);
	}

	/** Declares a datastore; its owner must be a registered service and its name free. */
	public DatastoreEntry create(DatastoreRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		Classification classification = validate(validation, request);
		validation.throwIfInvalid();
		this.store.find(request.name()).ifPresent(claimed -> {
			throw secondOwner(request.name(), claimed.owner());
		});
		Instant now = this.clock.instant();
		try {
			this.store.insert(row(request.name(), request, classification, now, now, 1));
		}
		catch (DuplicateKeyException ex) {
			throw secondOwner(request.name(),
					this.store.find(request.name()).map(DatastoreStore.Row::owner).orElse("?"));
		}
		DatastoreEntry created = datastore(request.name());
		this.audit.record("datastore.created", target(created.name()), created.owner(), null, created);
		return created;
	}

	/**
	 * Replaces what the datastore says; naming another owner hands the datastore to that
	 * service.
	 */
	public DatastoreEntry update(String name, DatastoreRequest request, String ifMatch) {
		DatastoreEntry before = datastore(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		Classification classification = validate(validation, request);
		validation.throwIfInvalid();
		if (!this.store
			.update(row(name, request, classification, before.createdAt(), this.clock.instant(), before.version()))) {
			throw PreconditionFailed.concurrentUpdate();
		}
		DatastoreEntry after = datastore(name);
		this.audit.record(before.owner().equals(after.owner()) ? "datastore.updated" : "datastore.owner-changed",
				target(name), after.owner(), before, after);
		return after;
	}

	public void delete(String name, String ifMatch) {
		DatastoreEntry before = datastore(name);
		ETags.check(ifMatch, before.version());
		this.store.delete(name);
		this.audit.record("datastore.deleted", target(name), before.owner(), before, null);
	}

	/**
	 * Records a version of one of the datastore's schemas; a version is recorded once.
	 */
	public SchemaVersion addSchema(String datastore, SchemaRequest request) {
		DatastoreEntry entry = datastore(datastore);
		Validation validation = new Validation();
		validation.name("name", request.name());
		if (validation.required("version", Text.blankToNull(request.version()))
				&& !SCHEMA_VERSION.matcher(request.version()).matches()) {
			validation.error("version",
					"must be 1 to 64 letters, digits, '.', '_', '+' or '-' (such as 3, 1.2.0 or V19)");
		}
		if (validation.required("document", Text.blankToNull(request.document()))) {
			validation.maxLength("document", request.document(), this.maxDocumentLength);
		}
		Instant now = this.clock.instant();
		Instant appliedAt = validation.time("appliedAt", request.appliedAt(), false);
		if (appliedAt != null && appliedAt.isAfter(now)) {
			validation.error("appliedAt", "must not be in the future");
		}
		validation.throwIfInvalid();
		if (this.schemas.find(datastore, request.name(), request.version()).isPresent()) {
			throw Conflict.because("Version " + request.version() + " of schema '" + request.name() + "' of datastore '"
					+ datastore + "' is already recorded; schema versions are kept as they were");
		}
		SchemaVersion schema = new SchemaVersion(datastore, request.name(), request.version(), request.document(),
				appliedAt == null ? now : appliedAt, now, CurrentActor.name());
		this.schemas.insert(schema);
		SchemaVersion stored = schema(datastore, request.name(), request.version());
		this.audit.record("datastore.schema-recorded",
				target(datastore) + "/schemas/" + request.name() + "/" + request.version(), entry.owner(), null,
				new SchemaVersion(datastore, stored.name(), stored.version(), null, stored.appliedAt(),
						stored.recordedAt(), stored.recordedBy()));
		return stored;
	}

	/** The history of the datastore's schemas, or of one of them, newest first. */
	@Transactional(readOnly = true)
	public List<SchemaVersion> schemaHistory(String datastore, String name) {
		datastore(datastore);
		return this.schemas.history(datastore, Text.blankToNull(name));
	}

	@Transactional(readOnly = true)
	public SchemaVersion schema(String datastore, String name, String version) {
		datastore(datastore);
		return this.schemas.find(datastore, name, version)
			.orElseThrow(() -> NotFound.because(
					"Datastore '" + datastore + "' has no version " + version + " of a schema named '" + name + "'"));
	}

	private Classification validate(Validation validation, DatastoreRequest request) {
		if (validation.required("owner", Text.blankToNull(request.owner())) && !this.services.exists(request.owner())) {
			validation.error("owner", "names no registered service: '" + Text.truncate(request.owner(), 100) + "'");
		}
		if (validation.required("kind", Text.blankToNull(request.kind())) && !Validation.isName(request.kind())) {
			validation.error("kind", "must be a technology slug such as postgresql, redis, s3 or kafka-topic");
		}
		Classification classification = validation.keyed("classification", request.classification(),
				Classification.class, true);
		validation.required("pii", request.pii());
		if (request.retentionDays() != null) {
			validation.range("retentionDays", request.retentionDays(), 1, MAX_RETENTION_DAYS);
		}
		validation.maxLength("backupPolicy", request.backupPolicy(), MAX_TEXT);
		validation.maxLength("description", request.description(), 4000);
		AccessPatterns patterns = request.accessPatterns();
		if (patterns != null) {
			rate(validation, "accessPatterns.readsPerSecond", patterns.readsPerSecond());
			rate(validation, "accessPatterns.writesPerSecond", patterns.writesPerSecond());
			validation.maxLength("accessPatterns.description", patterns.description(), MAX_TEXT);
		}
		return classification;
	}

	private static void rate(Validation validation, String field, Double value) {
		if (value != null && (value.isNaN() || value < 0 || value > 1e9)) {
			validation.error(field, "must be a number of operations per second from 0 to 1e9");
		}
	}

	private static DatastoreStore.Row row(String name, DatastoreRequest request, Classification classification,
			Instant createdAt, Instant updatedAt, long version) {
		AccessPatterns patterns = request.accessPatterns() == null ? new AccessPatterns(null, null, null)
				: request.accessPatterns();
		return new DatastoreStore.Row(name, request.owner(), request.kind(), classification.key(), request.pii(),
				request.retentionDays(), Text.blankToNull(request.backupPolicy()), patterns.readsPerSecond(),
				patterns.writesPerSecond(), Text.blankToNull(patterns.description()),
				Text.blankToNull(request.description()), createdAt, updatedAt, version);
	}

	private DatastoreEntry entry(DatastoreStore.Row row) {
		String ownerTeam = this.services.findService(row.owner()).map(ServiceEntry::owner).orElse(null);
		String operatedBy = this.services.responsibilities(row.owner())
			.stream()
			.filter(responsibility -> responsibility.aspect() == Aspect.DATABASES
					&& responsibility.status() == DelegationStatus.ACCEPTED)
			.map(Responsibility::handledBy)
			.findFirst()
			.orElse(ownerTeam);
		return new DatastoreEntry(row.name(), row.owner(), ownerTeam, operatedBy, row.kind(),
				Keyed.fromKey(Classification.class, row.classification()).orElseThrow(), row.pii(), row.retentionDays(),
				row.backupPolicy(),
				new AccessPatterns(row.readsPerSecond(), row.writesPerSecond(), row.accessDescription()),
				row.description(), row.createdAt(), row.updatedAt(), row.version());
	}

	private static Conflict secondOwner(String datastore, String owner) {
		return Conflict.because("Datastore '" + datastore + "' is already owned by service '" + owner
				+ "'; a datastore has exactly one owner");
	}

	static String target(String datastore) {
		return "datastores/" + datastore;
	}

}
