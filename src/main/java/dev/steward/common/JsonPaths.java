package dev.steward.common;

import tools.jackson.core.JacksonException;

/**
 * Renders the location of a JSON processing error as a field path like
 * {@code members[2].role}.
 */
public final class JsonPaths {

	private JsonPaths() {
	}

	public static String of(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
