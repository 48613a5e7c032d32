package dev.steward.manifests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.steward.access.ChangePermissions;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.common.Text;
import dev.steward.data.AccessPatterns;
import dev.steward.data.AccessRequest;
import dev.steward.data.DataAccess;
import dev.steward.data.DatastoreAccess;
import dev.steward.data.DatastoreEntry;
import dev.steward.data.DatastoreRequest;
import dev.steward.data.Datastores;
import dev.steward.data.SchemaRequest;
import dev.steward.data.SchemaVersion;
import dev.steward.manifests.PlanItem.Action;
import org.springframework.stereotype.Component;

/**
 * The data part of an apply: {@code Datastore} documents with their schema versions and
 * the services that reach them directly, and pruning the datastores no document declares.
 * Schema versions are append-only: a declared version not yet recorded is added, a
 * recorded one must keep its document, and one the file leaves out stays. The declared
 * direct accesses replace the stored ones. As on the endpoints, the owning service's team
 * (or the team handling its {@code data} aspect) changes a datastore.
 */
@Component
class DatastoreApply {

	static final String DATASTORE = "Datastore";

	private static final String DATA = "data";

	private final Datastores datastores;

	private final DataAccess access;

	private final ResourceChanges resources;

	private final ChangePermissions permissions;

	DatastoreApply(Datastores datastores, DataAccess access, ResourceChanges resources, ChangePermissions permissions) {
		this.datastores = datastores;
		this.access = access;
		this.resources = resources;
		this.permissions = permissions;
	}

	/** A {@code Datastore} document's spec. */
	record DatastoreSpec(String name, String owner, String kind, String classification, Boolean pii,
			Integer retentionDays, String backupPolicy, AccessPatterns accessPatterns, String description,
			List<SchemaSpec> schemas, List<AccessSpec> access) {

		DatastoreRequest request() {
			return new DatastoreRequest(this.name, this.owner, this.kind, this.classification, this.pii,
					this.retentionDays, this.backupPolicy, this.accessPatterns, this.description);
		}

	}

	/** One declared schema version. */
	record SchemaSpec(String name, String version, String appliedAt, String document) {
	}

	/** A service that reaches the datastore directly, and how. */
	record AccessSpec(String service, String mode, String note) {
	}

	PlanItem applyDatastore(Manifest document, int index) {
		String name = document.name();
		DatastoreSpec spec = this.resources.spec(document, index, DatastoreSpec.class);
		Optional<DatastoreEntry> existing = this.datastores.findDatastore(name);
		PlanItem item = this.resources.upsert(document,
				() -> existing.map(DatastoreRequest::from).map(DatastoreApply::normalized).orElse(null),
				normalized(spec.request()), action -> permit(action, name, existing, spec.owner()),
				this.datastores::create, request -> this.datastores.update(name, request, null));
		List<String> changes = new ArrayList<>(item.changes());
		changes.addAll(applySchemas(name, spec.schemas() == null ? List.of() : spec.schemas()));
		changes.addAll(applyAccess(name, spec.access() == null ? List.of() : spec.access()));
		Action action = item.action() == Action.UNCHANGED && !changes.isEmpty() ? Action.UPDATE : item.action();
		return new PlanItem(DATASTORE, name, action, changes);
	}

	/**
	 * Deletes the datastores no document declares, with their schemas and direct
	 * accesses; they go before the services that own them.
	 */
	List<PlanItem> prune(Set<String> declared) {
		List<PlanItem> deletions = new ArrayList<>();
		for (String datastore : ResourceChanges
			.names(cursor -> this.datastores.datastores(null, null, Cursor.MAX_LIMIT, cursor), DatastoreEntry::name)) {
			if (!declared.contains(datastore)) {
				permitDatastore(datastore);
				this.datastores.delete(datastore, null);
				deletions.add(new PlanItem(DATASTORE, datastore, Action.DELETE, List.of()));
			}
		}
		return deletions;
	}

	private List<String> applySchemas(String datastore, List<SchemaSpec> declared) {
		Set<String> recorded = new HashSet<>();
		this.datastores.schemaHistory(datastore, null)
			.forEach(schema -> recorded.add(schema.name() + "@" + schema.version()));
		Set<String> seen = new HashSet<>();
		List<String> changes = new ArrayList<>();
		for (int i = 0; i < declared.size(); i++) {
			SchemaSpec schema = declared.get(i);
			String field = "schemas[" + i + "]";
			String key = schema.name() + "@" + schema.version();
			if (!seen.add(key)) {
				throw InvalidInput.field(field + ".version",
						"declares version " + schema.version() + " of schema '" + schema.name() + "' a second time");
			}
			if (recorded.contains(key)) {
				SchemaVersion stored = this.datastores.schema(datastore, schema.name(), schema.version());
				if (schema.document() != null && !ResourceChanges.sameDocument(stored.document(), schema.document())) {
					throw Conflict.because(field + ".document differs from the recorded version " + schema.version()
							+ " of schema '" + schema.name() + "'; schema versions are append-only, declare a new "
							+ "version instead");
				}
				continue;
			}
			permitDatastore(datastore);
			ResourceChanges.within(field, () -> this.datastores.addSchema(datastore,
					new SchemaRequest(schema.name(), schema.version(), schema.document(), schema.appliedAt())));
			changes.add("schema " + schema.name() + " " + schema.version() + " added");
		}
		return changes;
	}

	/** Sets the declared direct accesses and removes the others. */
	private List<String> applyAccess(String datastore, List<AccessSpec> declared) {
		Map<String, DatastoreAccess> stored = new LinkedHashMap<>();
		this.access.ofDatastore(datastore).forEach(row -> stored.put(row.service(), row));
		Set<String> wanted = new HashSet<>();
		List<String> changes = new ArrayList<>();
		for (int i = 0; i < declared.size(); i++) {
			AccessSpec access = declared.get(i);
			String field = "access[" + i + "]";
			if (access.service() == null || !wanted.add(access.service())) {
				throw InvalidInput.field(field + ".service",
						access.service() == null ? "is required" : "names '" + access.service() + "' a second time");
			}
			DatastoreAccess current = stored.get(access.service());
			if (current == null || !current.mode().key().equals(access.mode())
					|| !Objects.equals(current.note(), Text.blankToNull(access.note()))) {
				permitService(access.service());
				ResourceChanges.within(field, () -> this.access.put(access.service(), datastore,
						new AccessRequest(access.mode(), access.note())));
				changes.add("access of " + access.service() + " (" + access.mode() + ")");
			}
		}
		for (String service : stored.keySet()) {
			if (!wanted.contains(service)) {
				permitService(service);
				this.access.remove(service, datastore);
				changes.add("access of " + service + " removed");
			}
		}
		return changes;
	}

	/**
	 * Members of the owning service's team create a datastore; members of its current
	 * owner's team change it, and handing it to another service needs that service's team
	 * too.
	 */
	private void permit(Action action, String datastore, Optional<DatastoreEntry> existing, String owner) {
		if (action == Action.CREATE) {
			if (owner != null) {
				permitService(owner);
			}
			return;
		}
		permitDatastore(datastore);
		if (existing.isPresent() && owner != null && !owner.equals(existing.get().owner())) {
			permitService(owner);
		}
	}

	private void permitDatastore(String datastore) {
		this.permissions.require(Rule.TEAM_MEMBER, "datastore", datastore, DATA);
	}

	private void permitService(String service) {
		this.permissions.require(Rule.TEAM_MEMBER, "service", service, DATA);
	}

	/** A datastore as stored: blank text as none, absent access patterns as empty. */
	private static DatastoreRequest normalized(DatastoreRequest request) {
		AccessPatterns patterns = request.accessPatterns() == null ? new AccessPatterns(null, null, null)
				: request.accessPatterns();
		return new DatastoreRequest(request.name(), request.owner(), request.kind(), request.classification(),
				request.pii(), request.retentionDays(), Text.blankToNull(request.backupPolicy()),
				new AccessPatterns(patterns.readsPerSecond(), patterns.writesPerSecond(),
						Text.blankToNull(patterns.description())),
				Text.blankToNull(request.description()));
	}

}
