package dev.steward.common;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7386): applies a patch document to the JSON form of a resource
 * and reads the result back as the resource's full update request.
 */
public final class MergePatch {

	private MergePatch() {
	}

	public static <T> T apply(JsonMapper json, Object current, JsonNode patch, Class<T> requestType) {
		if (patch == null || !patch.isObject()) {
			throw InvalidInput.field("body", "a merge patch must be a JSON object");
		}
		JsonNode merged = merge(json.valueToTree(current), patch);
		try {
			return json.treeToValue(merged, requestType);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw InvalidInput.field(JsonPaths.of(ex), "has the wrong type");
		}
	}

	static JsonNode merge(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
				: ((ObjectNode) patch).objectNode();
		for (Map.Entry<String, JsonNode> entry : patch.properties()) {
			if (entry.getValue().isNull()) {
				result.remove(entry.getKey());
			}
			else {
				result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
			}
		}
		return result;
	}

}
