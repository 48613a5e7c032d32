package dev.steward.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reading other tools' descriptors for an import: fields by dotted path, and the fields a
 * conversion left unused, so that it can report them.
 */
final class DescriptorFields {

	private DescriptorFields() {
	}

	/**
	 * The paths under {@code path} that {@code used} does not name: a mapping or list is
	 * entered only where some used path lies inside it, otherwise it is unused as a
	 * whole. Paths read as the positions of {@link ManifestFiles.Document} do:
	 * {@code spec.objectives[0].target}.
	 */
	static List<String> unused(Object node, String path, Set<String> used) {
		List<String> unused = new ArrayList<>();
		collect(node, path, used, unused);
		return unused;
	}

	private static void collect(Object node, String path, Set<String> used, List<String> unused) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> visit(value, path.isEmpty() ? key.toString() : path + "." + key, used, unused));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				visit(list.get(i), path + "[" + i + "]", used, unused);
			}
		}
	}

	private static void visit(Object value, String child, Set<String> used, List<String> unused) {
		if (used.contains(child)) {
			return;
		}
		boolean inside = used.stream()
			.anyMatch(field -> field.startsWith(child + ".") || field.startsWith(child + "["));
		if (inside && (value instanceof Map || value instanceof List)) {
			collect(value, child, used, unused);
		}
		else {
			unused.add(child);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> node, String field) {
		return node.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Map<String, Object> node, String field) {
		return node.get(field) instanceof List<?> list ? (List<Object>) list : List.of();
	}

	/** The scalar at a dotted path (no list indexes) as text, or {@code null}. */
	static String text(Map<String, Object> node, String dottedPath) {
		Object value = node;
		for (String part : dottedPath.split("\\.")) {
			value = value instanceof Map<?, ?> map ? map.get(part) : null;
		}
		return value == null || value instanceof Map || value instanceof List ? null : value.toString();
	}

	/** A name as a Steward slug: lower case, runs of other characters as one dash. */
	static String slug(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
	}

}
