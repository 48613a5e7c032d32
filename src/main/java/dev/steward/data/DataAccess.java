package dev.steward.data;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.apis.ApiEntry;
import dev.steward.apis.Apis;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Text;
import dev.steward.common.Upsert;
import dev.steward.common.Validation;
import dev.steward.common.Violation;
import dev.steward.common.ViolationSource;
import dev.steward.data.internal.AccessStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The datastores each service reaches directly. Under STOSA a service reaches another's
 * data only through the owner's API, so direct access by any service but the owner is a
 * violation, shown on both services with the owner's APIs as the way in.
 */
@Service
@Transactional
public class DataAccess implements ViolationSource {

	/** The violation type of direct access to another service's datastore. */
	public static final String DIRECT_ACCESS = "data-direct-access";

	private final AccessStore store;

	private final Datastores datastores;

	private final ServiceCatalog services;

	private final Apis apis;

	private final AuditTrail audit;

	private final Clock clock;

	DataAccess(AccessStore store, Datastores datastores, ServiceCatalog services, Apis apis, AuditTrail audit,
			Clock clock) {
		this.store = store;
		this.datastores = datastores;
		this.services = services;
		this.apis = apis;
		this.audit = audit;
		this.clock = clock;
	}

	/** The datastores the service reaches directly. */
	@Transactional(readOnly = true)
	public List<DatastoreAccess> ofService(String service) {
		this.services.service(service);
		return this.store.ofService(service).stream().map(DataAccess::access).toList();
	}

	/** The services that reach the datastore directly. */
	@Transactional(readOnly = true)
	public List<DatastoreAccess> ofDatastore(String datastore) {
		this.datastores.datastore(datastore);
		return this.store.ofDatastore(datastore).stream().map(DataAccess::access).toList();
	}

	@Transactional(readOnly = true)
	public DatastoreAccess access(String service, String datastore) {
		this.services.service(service);
		this.datastores.datastore(datastore);
		return this.store.find(service, datastore)
			.map(DataAccess::access)
			.orElseThrow(() -> notFound(service, datastore));
	}

	/** Declares (or changes) the service's direct access to the datastore. */
	public Upsert<DatastoreAccess> put(String service, String datastore, AccessRequest request) {
		this.services.service(service);
		DatastoreEntry target = this.datastores.datastore(datastore);
		Validation validation = new Validation();
		AccessMode mode = validation.keyed("mode", request.mode(), AccessMode.class, true);
		validation.maxLength("note", request.note(), 1000);
		validation.throwIfInvalid();
		Instant now = this.clock.instant();
		Optional<AccessStore.Row> before = this.store.find(service, datastore);
		AccessStore.Row row = new AccessStore.Row(service, datastore, target.owner(), mode.key(),
				Text.blankToNull(request.note()), before.map(AccessStore.Row::createdAt).orElse(now), now);
		if (before.isPresent()) {
			this.store.update(row);
		}
		else {
			this.store.insert(row);
		}
		DatastoreAccess stored = access(this.store.find(service, datastore).orElseThrow());
		this.audit.record("datastore.access-declared", target(service, datastore), service,
				before.map(DataAccess::access).orElse(null), stored);
		return new Upsert<>(stored, before.isEmpty());
	}

	public void remove(String service, String datastore) {
		DatastoreAccess before = access(service, datastore);
		this.store.delete(service, datastore);
		this.audit.record("datastore.access-removed", target(service, datastore), service, before, null);
	}

	/** Every direct access to a datastore by a service that does not own it. */
	@Override
	@Transactional(readOnly = true)
	public List<Violation> violations() {
		return this.store.foreign().stream().map(this::violation).toList();
	}

	private Violation violation(AccessStore.Row row) {
		List<String> ways = this.apis.ofService(row.owner()).stream().map(ApiEntry::name).toList();
		String detail = row.service() + (AccessMode.WRITE.key().equals(row.mode()) ? " writes to " : " reads ")
				+ "datastore " + row.datastore() + " of " + row.owner() + " directly; data is reached only through "
				+ "its owner's API"
				+ (ways.isEmpty() ? " (" + row.owner() + " has registered none yet)" : ": " + String.join(", ", ways));
		return new Violation(DIRECT_ACCESS, row.service(), row.owner(), row.datastore(), detail, ways, row.createdAt());
	}

	private static DatastoreAccess access(AccessStore.Row row) {
		return new DatastoreAccess(row.service(), row.datastore(), row.owner(),
				Keyed.fromKey(AccessMode.class, row.mode()).orElseThrow(), !row.service().equals(row.owner()),
				row.note(), row.createdAt(), row.updatedAt());
	}

	private static String target(String service, String datastore) {
		return "services/" + service + "/datastore-access/" + datastore;
	}

	private static NotFound notFound(String service, String datastore) {
		return NotFound.because("Service '" + service + "' declares no direct access to datastore '" + datastore + "'");
	}

}
