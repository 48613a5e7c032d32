package dev.steward.bench.openapidiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.apis.ContractChange;
import dev.steward.apis.internal.OpenApiContracts;
import dev.steward.apis.internal.ParsedContract;

/**
 * Two versions of a large OpenAPI 3.0 contract, built with a fixed seed: 1,000 paths of
 * 500 resources ({@code /v1/<resource>} with GET and POST, {@code /v1/<resource>/{id}}
 * with GET and PUT), so 2,000 operations, with shared parameters, {@code $ref}'d
 * responses and 200 entity schemas of nested objects, arrays of items, enums and
 * constraints. The revision removes a path and an operation, adds a required parameter,
 * removes a response property and widens a response enum (breaking), and adds paths, an
 * optional parameter and a response property (not breaking). {@link #main} prints what
 * they look like and what the comparison finds.
 */
public final class LargeContracts {

	static final int RESOURCES = 500;

	static final int ENTITIES = 200;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String base;

	private final String revision;

	private LargeContracts(String base, String revision) {
		this.base = base;
		this.revision = revision;
	}

	public static LargeContracts create() {
		Map<String, Object> base = document();
		Map<String, Object> revision = document();
		revise(revision);
		return new LargeContracts(serialized(base), serialized(revision));
	}

	public String base() {
		return this.base;
	}

	public String revision() {
		return this.revision;
	}

	public static void main(String[] args) {
		LargeContracts contracts = create();
		ParsedContract base = OpenApiContracts.parse(contracts.base());
		ParsedContract revision = OpenApiContracts.parse(contracts.revision());
		System.out.printf("base:     OpenAPI %s, %d operations, %d paths, %d schemas, %,d characters of JSON%n",
				base.openApiVersion(), base.operationCount(), base.openApi().getPaths().size(),
				base.openApi().getComponents().getSchemas().size(), contracts.base().length());
		System.out.printf("revision: OpenAPI %s, %d operations, %d paths, %,d characters of JSON%n",
				revision.openApiVersion(), revision.operationCount(), revision.openApi().getPaths().size(),
				contracts.revision().length());
		List<ContractChange> changes = OpenApiContracts.compare(contracts.base(), contracts.revision());
		List<ContractChange> breaking = OpenApiContracts.breaking(changes);
		System.out.printf("changes:  %d, of which %d breaking:%n", changes.size(), breaking.size());
		breaking.forEach((change) -> System.out.println("  " + change.type() + "  " + change.path()));
	}

	private static Map<String, Object> document() {
		SplittableRandom random = new SplittableRandom(42);
		Map<String, Object> paths = new LinkedHashMap<>();
		for (int index = 0; index < RESOURCES; index++) {
			String resource = "resource" + index;
			String entity = "Entity" + (index % ENTITIES);
			paths.put("/v1/" + resource,
					map("get", listOperation(resource, entity), "post",
							map("operationId", "create" + index, "tags", List.of(resource), "requestBody",
									map("required", true, "content", jsonContent(ref("New" + entity))), "responses",
									map("201", map("description", "Created", "content", jsonContent(ref(entity))),
											"400", ref("responses", "Problem")))));
			paths.put("/v1/" + resource + "/{id}", map("parameters", List.of(ref("parameters", "Id")), "get",
					map("operationId", "get" + index, "parameters", List.of(ref("parameters", "TraceId")), "responses",
							map("200", map("description", "The " + resource, "content", jsonContent(ref(entity))),
									"404", ref("responses", "Problem"))),
					"put",
					map("operationId", "replace" + index, "requestBody",
							map("required", true, "content", jsonContent(ref("New" + entity))), "responses",
							map("200", map("description", "Replaced", "content", jsonContent(ref(entity))), "404",
									ref("responses", "Problem"), "409", ref("responses", "Problem")))));
		}
		Map<String, Object> schemas = new LinkedHashMap<>();
		for (int index = 0; index < ENTITIES; index++) {
			schemas.put("Entity" + index, entity(index, random));
			schemas.put("NewEntity" + index, newEntity(index));
			schemas.put("Item" + index,
					map("type", "object", "required", List.of("sku", "quantity"), "properties",
							map("sku", map("type", "string", "pattern", "^[A-Z0-9-]+$"), "quantity",
									map("type", "integer", "minimum", 1), "price", map("type", "number", "minimum", 0),
									"note", map("type", "string", "nullable", true))));
		}
		schemas.put("Address",
				map("type", "object", "required", List.of("country"), "properties",
						map("street", map("type", "string"), "city", map("type", "string"), "postcode",
								map("type", "string", "maxLength", 16), "country",
								map("type", "string", "minLength", 2, "maxLength", 2))));
		schemas.put("Problem", map("type", "object", "properties",
				map("type", map("type", "string"), "title", map("type", "string"), "status", map("type", "integer"))));
		Map<String, Object> components = map("parameters", map("Id",
				map("name", "id", "in", "path", "required", true, "schema", map("type", "string", "format", "uuid")),
				"Limit",
				map("name", "limit", "in", "query", "schema",
						map("type", "integer", "minimum", 1, "maximum", 200, "default", 50)),
				"Cursor", map("name", "cursor", "in", "query", "schema", map("type", "string")), "TraceId",
				map("name", "X-Trace-Id", "in", "header", "schema", map("type", "string"))), "responses",
				map("Problem", map("description", "A problem", "content",
						map("application/problem+json", map("schema", ref("Problem"))))),
				"schemas", schemas);
		return map("openapi", "3.0.3", "info", map("title", "Large inventory", "version", "1.0.0"), "paths", paths,
				"components", components);
	}

	private static Map<String, Object> listOperation(String resource, String entity) {
		return map("operationId", "list" + resource, "tags", List.of(resource), "parameters",
				List.of(ref("parameters", "Limit"), ref("parameters", "Cursor"),
						map("name", "status", "in", "query", "schema",
								map("type", "string", "enum", List.of("active", "archived", "draft")))),
				"responses",
				map("200",
						map("description", "A page of " + resource, "content",
								jsonContent(map("type", "object", "required", List.of("items"), "properties",
										map("items", map("type", "array", "items", ref(entity)), "next",
												map("type", "string", "nullable", true))))),
						"400", ref("responses", "Problem")));
	}

	private static Map<String, Object> entity(int index, SplittableRandom random) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", map("type", "string", "format", "uuid", "readOnly", true));
		properties.put("name", map("type", "string", "maxLength", 100));
		properties.put("status", map("type", "string", "enum", List.of("active", "archived", "draft")));
		properties.put("createdAt", map("type", "string", "format", "date-time"));
		properties.put("amount", map("type", "number", "minimum", 0));
		properties.put("details",
				map("type", "object", "properties",
						map("summary", map("type", "string"), "weight", map("type", "number"), "address",
								ref("Address"), "labels",
								map("type", "object", "additionalProperties", map("type", "string")))));
		properties.put("items", map("type", "array", "maxItems", 100, "items", ref("Item" + index)));
		for (int extra = 0; extra < 4 + random.nextInt(6); extra++) {
			properties.put("field" + extra, map("type", (extra % 2 == 0) ? "string" : "integer"));
		}
		return map("type", "object", "required", List.of("id", "name", "status"), "properties", properties);
	}

	private static Map<String, Object> newEntity(int index) {
		return map("type", "object", "required", List.of("name"), "properties",
				map("name", map("type", "string", "maxLength", 100), "status",
						map("type", "string", "enum", List.of("active", "draft")), "amount",
						map("type", "number", "minimum", 0), "items",
						map("type", "array", "maxItems", 100, "items", ref("Item" + index))));
	}

	@SuppressWarnings("unchecked")
	private static void revise(Map<String, Object> revision) {
		Map<String, Object> paths = (Map<String, Object>) revision.get("paths");
		Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) revision.get("components"))
			.get("schemas");
		paths.remove("/v1/resource7/{id}");
		((Map<String, Object>) paths.get("/v1/resource11")).remove("post");
		List<Object> parameters = new ArrayList<>(
				(List<Object>) ((Map<String, Object>) ((Map<String, Object>) paths.get("/v1/resource23")).get("get"))
					.get("parameters"));
		parameters.add(map("name", "region", "in", "query", "required", true, "schema", map("type", "string")));
		parameters.add(map("name", "sort", "in", "query", "schema", map("type", "string")));
		((Map<String, Object>) ((Map<String, Object>) paths.get("/v1/resource23")).get("get")).put("parameters",
				parameters);
		Map<String, Object> entity42 = (Map<String, Object>) ((Map<String, Object>) schemas.get("Entity42"))
			.get("properties");
		((Map<String, Object>) entity42.get("details")).put("properties",
				map("summary", map("type", "string"), "address", ref("Address"), "labels",
						map("type", "object", "additionalProperties", map("type", "string"))));
		entity42.put("status", map("type", "string", "enum", List.of("active", "archived", "draft", "deleted")));
		entity42.put("updatedAt", map("type", "string", "format", "date-time"));
		paths.put("/v2/reports", map("get", map("responses", map("200", map("description", "Reports")))));
		paths.put("/v2/reports/{id}", map("get", map("parameters", List.of(ref("parameters", "Id")), "responses",
				map("200", map("description", "A report")))));
	}

	private static Map<String, Object> jsonContent(Map<String, Object> schema) {
		return map("application/json", map("schema", schema));
	}

	private static Map<String, Object> ref(String schema) {
		return ref("schemas", schema);
	}

	private static Map<String, Object> ref(String section, String name) {
		return map("$ref", "#/components/" + section + "/" + name);
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int index = 0; index < keysAndValues.length; index += 2) {
			map.put((String) keysAndValues[index], keysAndValues[index + 1]);
		}
		return map;
	}

	private static String serialized(Object document) {
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
