package dev.steward.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.steward.catalog.Aspect;
import dev.steward.catalog.Criticality;
import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.Role;
import dev.steward.catalog.TeamKind;
import dev.steward.common.Keyed;
import dev.steward.common.Validation;

/**
 * Offline checks of catalog documents: the envelope, each kind's required fields and
 * values, and that every reference (owner, member, product, dependency, delegation) names
 * a document among the files checked.
 */
final class ManifestChecks {

	static final String API_VERSION = "steward.dev/v1";

	static final List<String> KINDS = List.of("User", "Team", "Product", "Service");

	private final List<String> problems = new ArrayList<>();

	private final Set<String> declared = new HashSet<>();

	/**
	 * Every problem of the documents as {@code file:line:column: message}; empty when all
	 * are valid.
	 */
	static List<String> check(List<ManifestFiles.Document> documents) {
		ManifestChecks checks = new ManifestChecks();
		documents.forEach(checks::envelope);
		documents.forEach(checks::spec);
		return checks.problems;
	}

	private void envelope(ManifestFiles.Document document) {
		Map<String, Object> content = document.content();
		if (!API_VERSION.equals(content.get("apiVersion"))) {
			problem(document, "apiVersion", "apiVersion must be " + API_VERSION);
		}
		Object kind = content.get("kind");
		if (!isOneOf(KINDS, kind)) {
			problem(document, "kind", "kind must be one of " + String.join(", ", KINDS));
		}
		String name = text(content, "metadata.name");
		if (!Validation.isName(name)) {
			problem(document, "metadata.name", "metadata.name must be a lower-case slug, was '" + name + "'");
		}
		else if (!this.declared.add(kind + "/" + name)) {
			problem(document, "metadata.name", kind + " '" + name + "' is declared twice");
		}
		if (content.containsKey("spec") && !(content.get("spec") instanceof Map)) {
			problem(document, "spec", "spec must be a mapping");
		}
	}

	private void spec(ManifestFiles.Document document) {
		Object kind = document.content().get("kind");
		if (!(document.content().get("spec") instanceof Map<?, ?> raw)) {
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> spec = (Map<String, Object>) raw;
		switch (String.valueOf(kind)) {
			case "User" -> {
				required(document, spec, "displayName");
				required(document, spec, "email");
				if (required(document, spec, "timeZone")) {
					try {
						ZoneId.of(String.valueOf(spec.get("timeZone")));
					}
					catch (DateTimeException ex) {
						problem(document, "spec.timeZone", "timeZone must be an IANA zone such as Europe/Berlin");
					}
				}
			}
			case "Team" -> {
				required(document, spec, "title");
				oneOf(document, spec, "kind", Keyed.keys(TeamKind.class), true);
				List<?> members = spec.get("members") instanceof List<?> list ? list : List.of();
				for (int i = 0; i < members.size(); i++) {
					if (members.get(i) instanceof Map<?, ?> member) {
						reference(document, "spec.members[" + i + "]", "User", member.get("user"));
						if (member.get("role") != null && !isOneOf(Keyed.keys(Role.class), member.get("role"))) {
							problem(document, "spec.members[" + i + "]", "role must be member or lead");
						}
					}
				}
			}
			case "Product" -> required(document, spec, "title");
			case "Service" -> service(document, spec);
			default -> {
			}
		}
	}

	private void service(ManifestFiles.Document document, Map<String, Object> spec) {
		required(document, spec, "title");
		if (required(document, spec, "owner")) {
			reference(document, "spec.owner", "Team", spec.get("owner"));
		}
		if (required(document, spec, "tier") && !(spec.get("tier") instanceof Long tier && tier >= 1 && tier <= 4)) {
			problem(document, "spec.tier", "tier must be a number from 1 to 4");
		}
		oneOf(document, spec, "lifecycle", Keyed.keys(Lifecycle.class), false);
		if (spec.get("product") != null) {
			reference(document, "spec.product", "Product", spec.get("product"));
		}
		List<?> dependencies = spec.get("dependencies") instanceof List<?> list ? list : List.of();
		for (int i = 0; i < dependencies.size(); i++) {
			String path = "spec.dependencies[" + i + "]";
			if (dependencies.get(i) instanceof Map<?, ?> dependency) {
				reference(document, path, "Service", dependency.get("service"));
				if (!isOneOf(Keyed.keys(Criticality.class), dependency.get("criticality"))) {
					problem(document, path, "criticality must be hard or soft");
				}
			}
		}
		if (spec.get("delegations") instanceof Map<?, ?> delegations) {
			delegations.forEach((aspect, team) -> {
				String path = "spec.delegations." + aspect;
				if (!isOneOf(Keyed.keys(Aspect.class), aspect)) {
					problem(document, path, "unknown aspect '" + aspect + "'");
				}
				reference(document, path, "Team", team);
			});
		}
	}

	private boolean required(ManifestFiles.Document document, Map<String, Object> spec, String field) {
		Object value = spec.get(field);
		if (value == null || value.toString().isBlank()) {
			problem(document, "spec", "spec." + field + " is required");
			return false;
		}
		return true;
	}

	private void oneOf(ManifestFiles.Document document, Map<String, Object> spec, String field, List<String> allowed,
			boolean required) {
		Object value = spec.get(field);
		if ((value == null && required) || (value != null && !isOneOf(allowed, value))) {
			problem(document, value == null ? "spec" : "spec." + field,
					"spec." + field + " must be one of " + String.join(", ", allowed));
		}
	}

	private void reference(ManifestFiles.Document document, String path, String kind, Object name) {
		if (name == null || !this.declared.contains(kind + "/" + name)) {
			problem(document, path, "refers to " + kind + " '" + name + "', which no given file declares");
		}
	}

	private void problem(ManifestFiles.Document document, String path, String message) {
		this.problems.add(document.where(path) + ": " + message);
	}

	/** Null-safe membership: immutable lists refuse to be asked about {@code null}. */
	private static boolean isOneOf(List<String> allowed, Object value) {
		return value != null && allowed.contains(value);
	}

	private static String text(Map<String, Object> content, String dottedPath) {
		Object value = content;
		for (String part : dottedPath.split("\\.")) {
			value = value instanceof Map<?, ?> map ? map.get(part) : null;
		}
		return value == null ? null : value.toString();
	}

}
