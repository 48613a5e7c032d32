package dev.steward.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.steward.common.Validation;

import static dev.steward.cli.DescriptorFields.list;
import static dev.steward.cli.DescriptorFields.map;
import static dev.steward.cli.DescriptorFields.text;

/**
 * Converts Backstage descriptors to Steward documents: Group → Team, User → User (with
 * {@code memberOf}), System → Product, Component of type service or website → Service,
 * API → Api and Resource of a datastore type → Datastore (see
 * {@link BackstageInterfaces}). Everything it cannot map, skips or has to default is
 * reported, with where it stands.
 */
final class BackstageImport {

	private static final Set<String> SKIPPED_KINDS = Set.of("Domain", "Location", "Template");

	private static final Set<String> SERVICE_TYPES = Set.of("service", "website");

	private static final Set<String> LIFECYCLES = Set.of("experimental", "production", "deprecated");

	private final int defaultTier;

	private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> teams = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> products = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();

	private final Map<String, Set<String>> membersByTeam = new LinkedHashMap<>();

	private final List<String> report = new ArrayList<>();

	private final BackstageInterfaces interfaces = new BackstageInterfaces(this::note);

	BackstageImport(int defaultTier) {
		this.defaultTier = defaultTier;
	}

	/** The converted documents by file name ({@code users.yaml}, …). */
	Map<String, List<Map<String, Object>>> documents() {
		this.membersByTeam.forEach((team, members) -> {
			Map<String, Object> spec = this.teams.get(team);
			if (spec != null) {
				spec.put("members",
						members.stream().map(user -> Map.<String, Object>of("user", user, "role", "member")).toList());
			}
		});
		Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
		files.put("users.yaml", documents("User", this.users));
		files.put("teams.yaml", documents("Team", this.teams));
		files.put("products.yaml", documents("Product", this.products));
		files.put("services.yaml", documents("Service", this.services));
		files.put("apis.yaml", this.interfaces.apiDocuments());
		files.put("datastores.yaml", this.interfaces.datastoreDocuments());
		return files;
	}

	List<String> report() {
		return this.report;
	}

	void convert(ManifestFiles.Document descriptor) {
		Map<String, Object> entity = descriptor.content();
		String kind = text(entity, "kind");
		String name = slug(descriptor, text(entity, "metadata.name"));
		Map<String, Object> metadata = map(entity, "metadata");
		Map<String, Object> spec = map(entity, "spec");
		if (kind == null || name == null) {
			note(descriptor, "metadata.name", "skipped: no kind or name");
			return;
		}
		if (SKIPPED_KINDS.contains(kind)) {
			note(descriptor, "kind", "skipped " + kind + " '" + name + "': Steward has no " + kind + " kind yet");
			return;
		}
		Set<String> used = new LinkedHashSet<>(List.of("apiVersion", "kind", "metadata.name"));
		switch (kind) {
			case "Group" -> group(descriptor, name, metadata, spec, used);
			case "User" -> user(descriptor, name, metadata, spec, used);
			case "System" -> system(descriptor, name, metadata, used);
			case "Component" -> component(descriptor, name, metadata, spec, used);
			case "API" -> this.interfaces.api(descriptor, name, metadata, spec, used);
			case "Resource" -> this.interfaces.resource(descriptor, name, metadata, spec, used);
			default -> {
				note(descriptor, "kind", "skipped unknown kind '" + kind + "'");
				return;
			}
		}
		reportUnmapped(descriptor, entity, "", used, kind + " '" + name + "'");
	}

	private void group(ManifestFiles.Document descriptor, String name, Map<String, Object> metadata,
			Map<String, Object> spec, Set<String> used) {
		Map<String, Object> team = new LinkedHashMap<>();
		team.put("title", firstOf(spec, "profile.displayName", metadata, "title", name, used));
		team.put("kind", "stream");
		note(descriptor, "spec", "Group '" + name + "': team kind defaulted to stream (Backstage has none)");
		putIfPresent(team, "email", text(spec, "profile.email"), used, "spec.profile.email");
		String parent = ref(text(spec, "parent"));
		if (parent != null) {
			team.put("parent", parent);
			used.add("spec.parent");
		}
		used.add("spec.type");
		for (Object member : list(spec, "members")) {
			this.membersByTeam.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(ref(member.toString()));
		}
		used.add("spec.members");
		used.add("spec.children");
		this.teams.put(name, team);
	}

	private void user(ManifestFiles.Document descriptor, String name, Map<String, Object> metadata,
			Map<String, Object> spec, Set<String> used) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("displayName", firstOf(spec, "profile.displayName", metadata, "title", name, used));
		String email = text(spec, "profile.email");
		if (email == null) {
			email = name + "@users.invalid";
			note(descriptor, "spec", "User '" + name + "': no profile.email; defaulted to " + email);
		}
		used.add("spec.profile.email");
		user.put("email", email);
		user.put("timeZone", "UTC");
		note(descriptor, "spec", "User '" + name + "': time zone defaulted to UTC (Backstage has none)");
		for (Object team : list(spec, "memberOf")) {
			this.membersByTeam.computeIfAbsent(ref(team.toString()), key -> new LinkedHashSet<>()).add(name);
		}
		used.add("spec.memberOf");
		this.users.put(name, user);
	}

	private void system(ManifestFiles.Document descriptor, String name, Map<String, Object> metadata,
			Set<String> used) {
		Map<String, Object> product = new LinkedHashMap<>();
		product.put("title", firstOf(Map.of(), "", metadata, "title", name, used));
		putIfPresent(product, "description", text(metadata, "description"), used, "metadata.description");
		this.products.put(name, product);
	}

	private void component(ManifestFiles.Document descriptor, String name, Map<String, Object> metadata,
			Map<String, Object> spec, Set<String> used) {
		String type = text(spec, "type");
		used.add("spec.type");
		if (!SERVICE_TYPES.contains(type)) {
			note(descriptor, "spec.type",
					"skipped Component '" + name + "' of type '" + type + "': only services and websites are services");
			return;
		}
		Map<String, Object> service = new LinkedHashMap<>();
		service.put("title", firstOf(Map.of(), "", metadata, "title", name, used));
		putIfPresent(service, "description", text(metadata, "description"), used, "metadata.description");
		String ownerRef = text(spec, "owner");
		used.add("spec.owner");
		if (ownerRef == null || ownerRef.toLowerCase(Locale.ROOT).startsWith("user:")) {
			note(descriptor, "spec.owner", "Component '" + name + "': owner '" + ownerRef
					+ "' is not a group; a Steward service needs an owning team");
		}
		else {
			service.put("owner", ref(ownerRef));
		}
		service.put("tier", this.defaultTier);
		note(descriptor, "spec", "Component '" + name + "': tier defaulted to " + this.defaultTier);
		String lifecycle = text(spec, "lifecycle");
		used.add("spec.lifecycle");
		if (LIFECYCLES.contains(lifecycle)) {
			service.put("lifecycle", lifecycle);
		}
		else {
			note(descriptor, "spec.lifecycle",
					"Component '" + name + "': lifecycle '" + lifecycle + "' defaulted to experimental");
		}
		putIfPresent(service, "product", ref(text(spec, "system")), used, "spec.system");
		List<Object> tags = list(metadata, "tags");
		if (!tags.isEmpty()) {
			service.put("tags", tags.stream().map(Object::toString).toList());
			used.add("metadata.tags");
		}
		Map<String, Object> links = new LinkedHashMap<>();
		for (Object link : list(metadata, "links")) {
			if (link instanceof Map<?, ?> entry && entry.get("url") != null) {
				String title = entry.get("title") == null ? "link-" + (links.size() + 1)
						: entry.get("title").toString();
				links.put(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""),
						entry.get("url").toString());
			}
		}
		if (!links.isEmpty()) {
			service.put("links", links);
			used.add("metadata.links");
		}
		List<Map<String, Object>> dependencies = new ArrayList<>();
		for (Object target : list(spec, "dependsOn")) {
			String reference = target.toString();
			if (reference.toLowerCase(Locale.ROOT).startsWith("component:")) {
				dependencies.add(Map.of("service", ref(reference), "criticality", "hard"));
			}
			else if (reference.toLowerCase(Locale.ROOT).startsWith("resource:")) {
				this.interfaces.dependsOn(name, ref(reference));
			}
			else {
				note(descriptor, "spec.dependsOn", "Component '" + name + "': dependency on '" + reference
						+ "' skipped: only components are services and resources datastores");
			}
		}
		used.add("spec.dependsOn");
		if (!dependencies.isEmpty()) {
			service.put("dependencies", dependencies);
			note(descriptor, "spec.dependsOn",
					"Component '" + name + "': dependency criticality defaulted to hard (Backstage has none)");
		}
		this.interfaces.component(name, spec, used);
		this.services.put(name, service);
	}

	/** Reports every field of the descriptor that the conversion did not use. */
	private void reportUnmapped(ManifestFiles.Document descriptor, Map<String, Object> node, String path,
			Set<String> used, String what) {
		DescriptorFields.unused(node, path, used)
			.forEach(child -> note(descriptor, child, what + ": field " + child + " not mapped"));
	}

	private String firstOf(Map<String, Object> spec, String specPath, Map<String, Object> metadata,
			String metadataField, String fallback, Set<String> used) {
		String fromSpec = specPath.isEmpty() ? null : text(spec, specPath);
		if (fromSpec != null) {
			used.add("spec." + specPath);
			return fromSpec;
		}
		String fromMetadata = text(metadata, metadataField);
		if (fromMetadata != null) {
			used.add("metadata." + metadataField);
			return fromMetadata;
		}
		return fallback;
	}

	private static void putIfPresent(Map<String, Object> target, String field, String value, Set<String> used,
			String path) {
		if (value != null) {
			target.put(field, value);
			used.add(path);
		}
	}

	/** The name in a Backstage entity reference {@code [kind:][namespace/]name}. */
	static String ref(String reference) {
		if (reference == null) {
			return null;
		}
		String name = reference.contains(":") ? reference.substring(reference.indexOf(':') + 1) : reference;
		return name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
	}

	private String slug(ManifestFiles.Document descriptor, String name) {
		if (name == null || Validation.isName(name)) {
			return name;
		}
		String slug = DescriptorFields.slug(name);
		note(descriptor, "metadata.name", "name '" + name + "' became '" + slug + "'");
		return slug;
	}

	private void note(ManifestFiles.Document descriptor, String path, String message) {
		this.report.add(descriptor.where(path) + ": " + message);
	}

	private static List<Map<String, Object>> documents(String kind, Map<String, Map<String, Object>> specs) {
		return specs.entrySet()
			.stream()
			.map(entry -> ManifestWriter.document(kind, entry.getKey(), entry.getValue()))
			.toList();
	}

}
