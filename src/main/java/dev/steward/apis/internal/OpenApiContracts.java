package dev.steward.apis.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.apis.ContractChange;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.DeserializationUtils;

/**
 * Reads OpenAPI 3.0 and 3.1 documents (JSON or YAML, self-contained) and lists the
 * differences between two versions of a contract, flagging the ones that break the
 * clients of the older version. Plain Java, so that the benchmark compiles it without
 * Spring.
 */
public final class OpenApiContracts {

	private OpenApiContracts() {
	}

	/**
	 * Parses a self-contained OpenAPI 3.0.x or 3.1.x document.
	 * @param document the document as JSON or YAML text
	 * @return the parsed contract
	 * @throws UnreadableContract if the text is not an OpenAPI 3 document with an
	 * {@code info} object, or refers to other documents through {@code $ref}
	 */
	public static ParsedContract parse(String document) {
		JsonNode tree = readTree(document);
		JsonNode version = tree.get("openapi");
		if (version == null || !version.isTextual() || !version.asText().startsWith("3.")) {
			throw UnreadableContract.because(notOpenApi3(tree));
		}
		if (!tree.path("info").isObject()) {
			throw UnreadableContract.because("The document has no 'info' object");
		}
		Set<String> externalReferences = new TreeSet<>();
		collectExternalReferences(tree, externalReferences);
		if (!externalReferences.isEmpty()) {
			throw UnreadableContract.because(externalReferences.stream()
				.map((reference) -> "External reference '" + reference
						+ "' is not fetched; publish a self-contained document")
				.toList());
		}
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIV3Parser().parseJsonNode(null, tree, options);
		OpenAPI openApi = result.getOpenAPI();
		if (openApi == null || openApi.getInfo() == null) {
			throw UnreadableContract.because((result.getMessages() != null) ? result.getMessages() : List.of());
		}
		return new ParsedContract(version.asText(), openApi.getInfo().getTitle(), operationCount(openApi), openApi);
	}

	/**
	 * Every difference between two versions of a contract that matters to clients,
	 * breaking ones first, then by path and type.
	 * @param base the published version the revision is compared with
	 * @param revision the version about to be published
	 * @return the changes, possibly none
	 * @throws UnreadableContract if either document does not parse
	 */
	public static List<ContractChange> compare(String base, String revision) {
		return ContractComparison.between(parse(base).openApi(), parse(revision).openApi());
	}

	/**
	 * The breaking changes among the given ones.
	 * @param changes changes as listed by {@link #compare(String, String)}
	 * @return those that break the clients of the older version, in the same order
	 */
	public static List<ContractChange> breaking(List<ContractChange> changes) {
		return changes.stream().filter(ContractChange::breaking).toList();
	}

	private static JsonNode readTree(String document) {
		if (document == null || document.isBlank()) {
			throw UnreadableContract.because("The document is empty");
		}
		JsonNode tree;
		try {
			tree = DeserializationUtils.deserializeIntoTree(document, null);
		}
		catch (Exception ex) {
			throw UnreadableContract.because("The document could not be read as JSON or YAML: " + ex.getMessage());
		}
		if (tree == null || !tree.isObject()) {
			throw UnreadableContract.because("The document is not a JSON or YAML object");
		}
		return tree;
	}

	private static String notOpenApi3(JsonNode tree) {
		if (tree.has("swagger")) {
			return "Swagger " + tree.get("swagger").asText() + " documents are not accepted; convert it to OpenAPI 3";
		}
		if (tree.has("asyncapi")) {
			return "AsyncAPI documents are not OpenAPI contracts";
		}
		JsonNode version = tree.get("openapi");
		return (version != null) ? "OpenAPI " + version.asText() + " is not supported; use OpenAPI 3.0 or 3.1"
				: "The document has no 'openapi' field";
	}

	private static void collectExternalReferences(JsonNode node, Set<String> references) {
		if (node.isArray()) {
			node.forEach((element) -> collectExternalReferences(element, references));
			return;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			JsonNode value = field.getValue();
			if ("$ref".equals(name) && value.isTextual() && !value.asText().startsWith("#")) {
				references.add(value.asText());
			}
			else if (!name.equals("example") && !name.startsWith("x-") && value.isContainerNode()) {
				collectExternalReferences(value, references);
			}
		}
	}

	private static int operationCount(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return 0;
		}
		int count = 0;
		for (PathItem item : openApi.getPaths().values()) {
			count += (item != null) ? item.readOperationsMap().size() : 0;
		}
		return count;
	}

}
