package dev.steward.manifests;

import java.util.Map;

/** Builds catalog documents as a client sends them to {@code POST /api/v1/apply}. */
final class Documents {

	private Documents() {
	}

	static Map<String, Object> document(String kind, String name, Map<String, Object> spec) {
		return Map.of("apiVersion", "steward.dev/v1", "kind", kind, "metadata", Map.of("name", name), "spec", spec);
	}

}
