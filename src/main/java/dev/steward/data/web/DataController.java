package dev.steward.data.web;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.data.AccessRequest;
import dev.steward.data.DataAccess;
import dev.steward.data.DatastoreAccess;
import dev.steward.data.DatastoreEntry;
import dev.steward.data.DatastoreRequest;
import dev.steward.data.Datastores;
import dev.steward.data.SchemaRequest;
import dev.steward.data.SchemaVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of data: datastores with their owner and schemas, and services' direct access
 * to them. The owning service's team (or the team that accepted its data) changes a
 * datastore; a service's team declares its own direct access.
 */
@RestController
class DataController {

	private static final String DATASTORES = "/api/v1/datastores";

	private static final String DATASTORE = DATASTORES + "/{datastore}";

	private static final String ACCESS = "/api/v1/services/{service}/datastore-access";

	private final Datastores datastores;

	private final DataAccess access;

	private final JsonMapper json;

	DataController(Datastores datastores, DataAccess access, JsonMapper json) {
		this.datastores = datastores;
		this.access = access;
		this.json = json;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "body.owner", aspect = "data")
	@PostMapping(DATASTORES)
	ResponseEntity<DatastoreEntry> create(@RequestBody DatastoreRequest request) {
		DatastoreEntry created = this.datastores.create(request);
		return Responses.created(DATASTORES + "/" + created.name(), created, created.version());
	}

	@GetMapping(DATASTORES)
	Page<DatastoreEntry> list(@RequestParam(required = false) String owner, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.datastores.datastores(owner, kind, limit, cursor);
	}

	@GetMapping(DATASTORE)
	ResponseEntity<DatastoreEntry> get(@PathVariable String datastore) {
		DatastoreEntry entry = this.datastores.datastore(datastore);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "datastore", from = "datastore", aspect = "data")
	@PutMapping(DATASTORE)
	ResponseEntity<DatastoreEntry> put(@PathVariable String datastore, @RequestBody DatastoreRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		DatastoreEntry entry = this.datastores.update(datastore, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "datastore", from = "datastore", aspect = "data")
	@PatchMapping(path = DATASTORE, consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<DatastoreEntry> patch(@PathVariable String datastore, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		DatastoreRequest request = MergePatch.apply(this.json,
				DatastoreRequest.from(this.datastores.datastore(datastore)), patch, DatastoreRequest.class);
		return put(datastore, request, ifMatch);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "datastore", from = "datastore", aspect = "data")
	@DeleteMapping(DATASTORE)
	ResponseEntity<Void> delete(@PathVariable String datastore,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.datastores.delete(datastore, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "datastore", from = "datastore", aspect = "data")
	@PostMapping(DATASTORE + "/schemas")
	ResponseEntity<SchemaVersion> addSchema(@PathVariable String datastore, @RequestBody SchemaRequest request) {
		SchemaVersion schema = this.datastores.addSchema(datastore, request);
		return Responses.created(
				DATASTORES + "/" + datastore + "/schemas/" + schema.name() + "/versions/" + schema.version(), schema);
	}

	@GetMapping(DATASTORE + "/schemas")
	Map<String, List<SchemaVersion>> schemas(@PathVariable String datastore,
			@RequestParam(required = false) String name) {
		return Map.of("items", this.datastores.schemaHistory(datastore, name));
	}

	@GetMapping(DATASTORE + "/schemas/{schema}/versions/{version}")
	SchemaVersion schema(@PathVariable String datastore, @PathVariable String schema, @PathVariable String version) {
		return this.datastores.schema(datastore, schema, version);
	}

	@GetMapping(DATASTORE + "/access")
	Map<String, List<DatastoreAccess>> accessTo(@PathVariable String datastore) {
		return Map.of("items", this.access.ofDatastore(datastore));
	}

	@GetMapping("/api/v1/services/{service}/datastores")
	Map<String, List<DatastoreEntry>> owned(@PathVariable String service) {
		return Map.of("items", this.datastores.ownedBy(service));
	}

	@GetMapping(ACCESS)
	Map<String, List<DatastoreAccess>> accessOf(@PathVariable String service) {
		return Map.of("items", this.access.ofService(service));
	}

	@GetMapping(ACCESS + "/{datastore}")
	DatastoreAccess access(@PathVariable String service, @PathVariable String datastore) {
		return this.access.access(service, datastore);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "data")
	@PutMapping(ACCESS + "/{datastore}")
	ResponseEntity<DatastoreAccess> putAccess(@PathVariable String service, @PathVariable String datastore,
			@RequestBody AccessRequest request) {
		return Responses.upserted("/api/v1/services/" + service + "/datastore-access/" + datastore,
				this.access.put(service, datastore, request));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "data")
	@DeleteMapping(ACCESS + "/{datastore}")
	ResponseEntity<Void> removeAccess(@PathVariable String service, @PathVariable String datastore) {
		this.access.remove(service, datastore);
		return ResponseEntity.noContent().build();
	}

}
