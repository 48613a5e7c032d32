package dev.steward.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import tools.jackson.databind.JsonNode;

import static dev.steward.manifests.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Api} and {@code Datastore} documents: versions through the breaking-change
 * check, status moving forward, immutable versions and append-only schemas; pruning them
 * is in {@link ApplyApisAndDataPruneTests}, on a database of its own.
 */
class ApplyApisAndDataApiTests extends ApiTest {

	static final String V1 = """
			openapi: 3.0.3
			info: {title: Ledger, version: 1.0.0}
			paths:
			  /entries/{id}:
			    get:
			      parameters:
			        - {name: id, in: path, required: true, schema: {type: string}}
			      responses:
			        '200':
			          description: One entry
			          content:
			            application/json:
			              schema:
			                type: object
			                required: [id, amount]
			                properties:
			                  id: {type: string}
			                  amount: {type: number}
			""";

	/** V1 and a new path: nothing breaks. */
	static final String V1_1 = V1.replace("version: 1.0.0", "version: 1.1.0") + """
			  /entries:
			    get:
			      responses:
			        '200': {description: All entries}
			""";

	/** V1 without the path: breaks every client. */
	static final String V1_BREAKING = """
			openapi: 3.0.3
			info: {title: Ledger, version: 1.1.0}
			paths: {}
			""";

	private static final int API = 5;

	private static final int DATASTORE = 6;

	private Reply apply(List<Map<String, Object>> documents, Map<String, Object> options) {
		Map<String, Object> body = new HashMap<>(options);
		body.put("documents", documents);
		return this.api.post("/api/v1/apply", body);
	}

	/** A team with a user, a provider and a consumer service, an API and a datastore. */
	static List<Map<String, Object>> bundle(String suffix, List<Map<String, Object>> versions) {
		return new ArrayList<>(List.of(
				document("User", "ada-" + suffix,
						Map.of("displayName", "Ada", "email", "ada@example.com", "timeZone", "UTC")),
				document("Team", "books-" + suffix,
						Map.of("title", "Books", "kind", "stream", "members",
								List.of(Map.of("user", "ada-" + suffix, "role", "member")))),
				document("Service", "ledger-" + suffix,
						Map.of("title", "Ledger", "owner", "books-" + suffix, "tier", 2)),
				document("Service", "reports-" + suffix,
						Map.of("title", "Reports", "owner", "books-" + suffix, "tier", 3)),
				document("Service", "audit-" + suffix, Map.of("title", "Audit", "owner", "books-" + suffix, "tier", 3)),
				document("Api", "ledger-api-" + suffix,
						Map.of("service", "ledger-" + suffix, "visibility", "internal", "type", "openapi",
								"description", "Ledger entries", "versions", versions, "consumers",
								List.of(Map.of("service", "reports-" + suffix, "major", 1)))),
				document("Datastore", "ledger-db-" + suffix, datastore(suffix, List.of(schema("1", "create table e")),
						List.of(Map.of("service", "reports-" + suffix, "mode", "read"))))));
	}

	static Map<String, Object> datastore(String suffix, List<Map<String, Object>> schemas,
			List<Map<String, Object>> access) {
		return Map.of("owner", "ledger-" + suffix, "kind", "postgresql", "classification", "confidential", "pii", true,
				"retentionDays", 365, "accessPatterns", Map.of("readsPerSecond", 200, "writesPerSecond", 20), "schemas",
				schemas, "access", access);
	}

	static Map<String, Object> schema(String version, String document) {
		return Map.of("name", "entries", "version", version, "document", document, "appliedAt", "2026-01-05T10:00:00Z");
	}

	static Map<String, Object> version(String version, String status, String spec) {
		return Map.of("version", version, "status", status, "spec", spec);
	}

	private static Map<String, Object> withSpec(Map<String, Object> document, Map<String, Object> changes) {
		@SuppressWarnings("unchecked")
		Map<String, Object> spec = new HashMap<>((Map<String, Object>) document.get("spec"));
		spec.putAll(changes);
		@SuppressWarnings("unchecked")
		String name = ((Map<String, String>) document.get("metadata")).get("name");
		return document((String) document.get("kind"), name, spec);
	}

	private JsonNode versions(String suffix) {
		return ok(this.api.get("/api/v1/apis/ledger-api-" + suffix + "/versions")).json().path("items");
	}

	@Test
	void createsApisAndDatastoresThenChangesNothingOnTheSecondApply() {
		String suffix = unique("a").substring(2);
		List<Map<String, Object>> documents = bundle(suffix, List.of(version("1.0.0", "published", V1)));
		JsonNode plan = ok(apply(documents, Map.of())).json().path("plan");
		assertThat(plan.findValuesAsString("action")).containsOnly("create").hasSize(7);
		assertThat(plan.get(API).path("changes").toString()).contains("version 1.0.0 added")
			.contains("consumer reports-" + suffix + " on major 1");

		JsonNode api = ok(this.api.get("/api/v1/apis/ledger-api-" + suffix)).json();
		assertThat(api.path("service").asString()).isEqualTo("ledger-" + suffix);
		assertThat(api.path("latestVersion").asString()).isEqualTo("1.0.0");
		assertThat(ok(this.api.get("/api/v1/apis/ledger-api-" + suffix + "/consumers")).json()
			.path("items")
			.findValuesAsString("service")).containsExactly("reports-" + suffix);
		JsonNode datastore = ok(this.api.get("/api/v1/datastores/ledger-db-" + suffix)).json();
		assertThat(datastore.path("classification").asString()).isEqualTo("confidential");
		assertThat(datastore.path("accessPatterns").path("readsPerSecond").asDouble()).isEqualTo(200.0);
		assertThat(ok(this.api.get("/api/v1/datastores/ledger-db-" + suffix + "/schemas/entries/versions/1")).json()
			.path("document")
			.asString()).isEqualTo("create table e");
		assertThat(ok(this.api.get("/api/v1/datastores/ledger-db-" + suffix + "/access")).json()
			.path("items")
			.findValuesAsString("mode")).containsExactly("read");

		JsonNode second = ok(apply(documents, Map.of())).json();
		assertThat(second.path("plan").findValuesAsString("action")).containsOnly("unchanged");
	}

	@Test
	void addsAVersionDeprecatesTheOldOneAndNeverGoesBack() {
		String suffix = unique("a").substring(2);
		ok(apply(bundle(suffix, List.of(version("1.0.0", "published", V1))), Map.of()));
		List<Map<String, Object>> versions = List.of(
				Map.of("version", "1.0.0", "status", "deprecated", "sunset", "2099-12-31", "spec", V1),
				version("1.1.0", "published", V1_1));
		List<Map<String, Object>> documents = bundle(suffix, versions);
		JsonNode item = ok(apply(documents, Map.of())).json().path("plan").get(API);
		assertThat(item.path("action").asString()).isEqualTo("update");
		assertThat(item.path("changes").toString()).contains("version 1.1.0 added")
			.contains("version 1.0.0 deprecated (sunset 2099-12-31)");
		JsonNode stored = versions(suffix);
		assertThat(stored.findValuesAsString("version")).containsExactly("1.1.0", "1.0.0");
		assertThat(stored.findValuesAsString("status")).containsExactly("published", "deprecated");
		assertThat(stored.get(1).path("sunset").asString()).isEqualTo("2099-12-31");
		assertThat(ok(apply(documents, Map.of())).json().path("plan").findValuesAsString("action"))
			.containsOnly("unchanged");

		Reply back = apply(
				bundle(suffix, List.of(version("1.0.0", "published", V1), version("1.1.0", "published", V1_1))),
				Map.of());
		problem(back, 409, null);
		assertThat(back.json().path("detail").asString()).contains("documents[5]")
			.contains("deprecated and cannot go back to published");
	}

	@Test
	void aBreakingVersionRefusesTheWholeApplyWithItsChanges() {
		String suffix = unique("a").substring(2);
		ok(apply(bundle(suffix, List.of(version("1.0.0", "published", V1))), Map.of()));
		List<Map<String, Object>> documents = bundle(suffix,
				List.of(version("1.0.0", "published", V1), version("1.1.0", "published", V1_BREAKING)));
		documents.set(API, withSpec(documents.get(API), Map.of("description", "Changed")));
		documents.set(DATASTORE, withSpec(documents.get(DATASTORE), Map.of("classification", "restricted")));
		Reply refused = apply(documents, Map.of());
		problem(refused, 409, null);
		assertThat(refused.json().path("detail").asString()).startsWith("documents[5]").contains("breaking change");
		assertThat(refused.json().path("comparedWith").asString()).isEqualTo("1.0.0");
		assertThat(refused.json().path("breakingChanges").findValuesAsString("type")).isNotEmpty();
		assertThat(versions(suffix).findValuesAsString("version")).containsExactly("1.0.0");
		assertThat(this.api.get("/api/v1/apis/ledger-api-" + suffix).json().path("description").asString())
			.isEqualTo("Ledger entries");

		List<Map<String, Object>> rewritten = bundle(suffix, List.of(version("1.0.0", "published", V1_1)));
		Reply immutable = apply(rewritten, Map.of());
		problem(immutable, 409, null);
		assertThat(immutable.json().path("detail").asString()).contains("versions[0].spec differs")
			.contains("immutable");

		Reply newMajor = apply(bundle(suffix, List.of(version("1.0.0", "published", V1),
				version("2.0.0", "published", V1_BREAKING.replace("1.1.0", "2.0.0")))), Map.of());
		assertThat(ok(newMajor).json().path("plan").get(API).path("changes").toString())
			.contains("version 2.0.0 added");
	}

	@Test
	void schemaVersionsAreAppendOnlyAndAccessFollowsTheDocument() {
		String suffix = unique("a").substring(2);
		ok(apply(bundle(suffix, List.of(version("1.0.0", "published", V1))), Map.of()));
		List<Map<String, Object>> documents = bundle(suffix, List.of(version("1.0.0", "published", V1)));
		documents.set(DATASTORE,
				document("Datastore", "ledger-db-" + suffix,
						datastore(suffix, List.of(schema("1", "create table e"), schema("2", "alter table e")),
								List.of(Map.of("service", "audit-" + suffix, "mode", "write")))));
		JsonNode item = ok(apply(documents, Map.of())).json().path("plan").get(DATASTORE);
		assertThat(item.path("changes").toString()).contains("schema entries 2 added")
			.contains("access of audit-" + suffix + " (write)")
			.contains("access of reports-" + suffix + " removed");
		assertThat(ok(this.api.get("/api/v1/datastores/ledger-db-" + suffix + "/access")).json()
			.path("items")
			.findValuesAsString("service")).containsExactly("audit-" + suffix);

		documents.set(DATASTORE, document("Datastore", "ledger-db-" + suffix,
				datastore(suffix, List.of(schema("1", "drop table e")), List.of())));
		Reply rewritten = apply(documents, Map.of());
		problem(rewritten, 409, null);
		assertThat(rewritten.json().path("detail").asString()).contains("schemas[0].document differs")
			.contains("append-only");

		documents.set(DATASTORE, document("Datastore", "ledger-db-" + suffix, datastore(suffix, List
			.of(Map.of("name", "entries", "version", "3", "document", "x", "appliedAt", "2999-01-01T00:00:00Z")),
				List.of())));
		problem(apply(documents, Map.of()), 400, "documents[6].spec.schemas[0].appliedAt");
	}

	@Test
	void invalidVersionsAndConsumersNameTheirField() {
		String suffix = unique("a").substring(2);
		problem(apply(bundle(suffix, List.of(version("one", "published", V1))), Map.of()), 400,
				"documents[5].spec.versions[0].version");
		problem(apply(bundle(suffix, List.of(version("1.0.0", "live", V1))), Map.of()), 400,
				"documents[5].spec.versions[0].status");
		problem(apply(bundle(suffix, List.of(Map.of("version", "1.0.0"))), Map.of()), 400,
				"documents[5].spec.versions[0].spec");
		List<Map<String, Object>> documents = bundle(suffix, List.of(version("1.0.0", "published", V1)));
		documents.set(API, withSpec(documents.get(API),
				Map.of("consumers", List.of(Map.of("service", "reports-" + suffix, "major", 2)))));
		problem(apply(documents, Map.of()), 400, "documents[5].spec.consumers[0].major");
		problem(this.api.get("/api/v1/services/ledger-" + suffix), 404, null);
	}

	@Test
	void apisAndDatastoresAreChangedByTheOwningTeam() {
		String suffix = unique("a").substring(2);
		List<Map<String, Object>> documents = bundle(suffix, List.of(version("1.0.0", "published", V1)));
		ok(apply(documents, Map.of()));
		String outsider = created(
				this.api.post("/api/v1/users/" + user() + "/tokens", Map.of("name", "ci", "scopes", List.of("write"))))
			.json()
			.path("token")
			.asString();
		ok(this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", documents)));
		List<Map<String, Object>> changed = bundle(suffix,
				List.of(version("1.0.0", "published", V1), version("1.1.0", "published", V1_1)));
		Reply refused = this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", changed));
		problem(refused, 403, null);
		assertThat(refused.json().path("detail").asString()).startsWith("documents[5]");
		changed.set(API, documents.get(API));
		changed.set(DATASTORE, withSpec(documents.get(DATASTORE), Map.of("retentionDays", 30)));
		Reply datastore = this.api.withToken(outsider).post("/api/v1/apply", Map.of("documents", changed));
		problem(datastore, 403, null);
		assertThat(datastore.json().path("detail").asString()).startsWith("documents[6]");
	}

}
