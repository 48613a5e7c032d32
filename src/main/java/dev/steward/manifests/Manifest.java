package dev.steward.manifests;

import tools.jackson.databind.JsonNode;

/**
 * One declarative document; its {@code spec} mirrors the body of the kind's create
 * request in the API, so files and API share one vocabulary.
 */
public record Manifest(String apiVersion, String kind, Metadata metadata, JsonNode spec) {

	/** The API version every document of this release declares. */
	public static final String API_VERSION = "steward.dev/v1";

	/** The document's identity within its kind. */
	public record Metadata(String name) {
	}

	public String name() {
		return this.metadata == null ? null : this.metadata.name();
	}

}
