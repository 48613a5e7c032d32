package dev.steward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import dev.steward.apis.ApiType;
import dev.steward.apis.SemanticVersion;
import dev.steward.common.Keyed;
import dev.steward.data.Classification;

import static dev.steward.cli.DescriptorFields.list;
import static dev.steward.cli.DescriptorFields.map;
import static dev.steward.cli.DescriptorFields.text;

/**
 * The Backstage part of an import that needs the whole catalog: API entities become
 * {@code Api} documents of the Component that provides them, with the Components that
 * consume them as consumers; Resource entities of a data kind become {@code Datastore}
 * documents owned by the one Component that depends on them. Both are resolved once every
 * descriptor has been read.
 */
final class BackstageInterfaces {

	/** Resource types that are datastores; other Resources are skipped. */
	static final Set<String> DATASTORE_TYPES = Set.of("database", "postgres", "postgresql", "mysql", "mariadb",
			"mongodb", "dynamodb-table", "redis", "cache", "memcached", "elasticsearch", "opensearch", "s3-bucket",
			"bucket", "gcs-bucket", "blob-storage", "kafka-topic", "topic", "queue", "sqs-queue", "rabbitmq-queue");

	/** Annotations Steward reads from API and Resource entities. */
	static final String VERSION_ANNOTATION = "steward.dev/api-version";

	static final String VISIBILITY_ANNOTATION = "steward.dev/visibility";

	static final String OWNER_ANNOTATION = "steward.dev/owner-service";

	static final String CLASSIFICATION_ANNOTATION = "steward.dev/classification";

	static final String PII_ANNOTATION = "steward.dev/pii";

	private static final String DEFAULT_VERSION = "1.0.0";

	/** Writes one line of the import report at a field of a descriptor. */
	@FunctionalInterface
	interface Report {

		void note(ManifestFiles.Document descriptor, String path, String message);

	}

	private record Entity(ManifestFiles.Document descriptor, String name, Map<String, Object> spec) {
	}

	private final Report report;

	private final Map<String, Entity> apis = new LinkedHashMap<>();

	private final Map<String, Entity> resources = new LinkedHashMap<>();

	private final Map<String, Set<String>> providers = new LinkedHashMap<>();

	private final Map<String, Set<String>> consumers = new LinkedHashMap<>();

	private final Map<String, Set<String>> dependents = new LinkedHashMap<>();

	BackstageInterfaces(Report report) {
		this.report = report;
	}

	/**
	 * Reads an API entity: type, definition (text, or {@code $text} of a local file),
	 * version, visibility and description; its service comes from the Components.
	 */
	void api(ManifestFiles.Document descriptor, String name, Map<String, Object> metadata, Map<String, Object> spec,
			Set<String> used) {
		String type = text(spec, "type");
		used.addAll(List.of("spec.type", "spec.definition", "spec.owner", "metadata.annotations." + VERSION_ANNOTATION,
				"metadata.annotations." + VISIBILITY_ANNOTATION));
		if (!Keyed.keys(ApiType.class).contains(type)) {
			this.report.note(descriptor, "spec.type", "skipped API '" + name + "' of type '" + type
					+ "': Steward knows " + String.join(", ", Keyed.keys(ApiType.class)));
			return;
		}
		Map<String, Object> api = new LinkedHashMap<>();
		api.put("visibility", visibility(metadata, used));
		api.put("type", type);
		if (text(metadata, "description") != null) {
			api.put("description", text(metadata, "description"));
			used.add("metadata.description");
		}
		definition(descriptor, name, spec).ifPresent(definition -> {
			String version = version(descriptor, name, metadata, definition);
			Map<String, Object> published = new LinkedHashMap<>();
			published.put("version", version);
			published.put("status", "published");
			published.put("spec", definition);
			api.put("versions", List.of(published));
		});
		this.apis.put(name, new Entity(descriptor, name, api));
	}

	/** Reads a Resource entity; only datastore types become datastores. */
	void resource(ManifestFiles.Document descriptor, String name, Map<String, Object> metadata,
			Map<String, Object> spec, Set<String> used) {
		String type = text(spec, "type");
		used.addAll(List.of("spec.type", "spec.owner", "spec.system", "metadata.annotations." + OWNER_ANNOTATION,
				"metadata.annotations." + CLASSIFICATION_ANNOTATION, "metadata.annotations." + PII_ANNOTATION));
		if (type == null || !DATASTORE_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
			this.report.note(descriptor, "spec.type",
					"skipped Resource '" + name + "' of type '" + type + "': not a datastore type");
			return;
		}
		Map<String, Object> datastore = new LinkedHashMap<>();
		String owner = annotation(metadata, OWNER_ANNOTATION);
		if (owner != null) {
			datastore.put("owner", owner);
		}
		datastore.put("kind", DescriptorFields.slug(type));
		String classification = annotation(metadata, CLASSIFICATION_ANNOTATION);
		if (classification == null || !Keyed.keys(Classification.class).contains(classification)) {
			classification = Classification.INTERNAL.key();
			this.report.note(descriptor, "metadata", "Resource '" + name + "': classification defaulted to internal");
		}
		datastore.put("classification", classification);
		datastore.put("pii", "true".equals(annotation(metadata, PII_ANNOTATION)));
		if (text(metadata, "description") != null) {
			datastore.put("description", text(metadata, "description"));
			used.add("metadata.description");
		}
		this.resources.put(name, new Entity(descriptor, name, datastore));
	}

	/** Records what a Component converted to a service provides, consumes and uses. */
	void component(String service, Map<String, Object> spec, Set<String> used) {
		list(spec, "providesApis").forEach(api -> relate(this.providers, api, service));
		list(spec, "consumesApis").forEach(api -> relate(this.consumers, api, service));
		used.addAll(List.of("spec.providesApis", "spec.consumesApis"));
	}

	/** Records that a converted service depends on a Resource. */
	void dependsOn(String service, String resource) {
		relate(this.dependents, resource, service);
	}

	/** The API documents of the APIs whose providing service is known. */
	List<Map<String, Object>> apiDocuments() {
		List<Map<String, Object>> documents = new ArrayList<>();
		this.apis.values().forEach(api -> {
			Optional<String> service = single(api, this.providers, "spec.providesApis");
			if (service.isEmpty()) {
				return;
			}
			Map<String, Object> spec = new LinkedHashMap<>();
			spec.put("service", service.get());
			spec.putAll(api.spec());
			List<Map<String, Object>> users = new ArrayList<>();
			if (api.spec().get("versions") instanceof List<?> versions && !versions.isEmpty()) {
				Object version = ((Map<?, ?>) versions.get(0)).get("version");
				long major = SemanticVersion.parse(version.toString()).orElseThrow().major();
				this.consumers.getOrDefault(api.name(), Set.of())
					.stream()
					.filter(consumer -> !consumer.equals(service.get()))
					.forEach(consumer -> {
						Map<String, Object> user = new LinkedHashMap<>();
						user.put("service", consumer);
						user.put("major", major);
						users.add(user);
					});
			}
			if (!users.isEmpty()) {
				spec.put("consumers", users);
			}
			documents.add(ManifestWriter.document("Api", api.name(), spec));
		});
		return documents;
	}

	/** The Datastore documents of the Resources whose owning service is known. */
	List<Map<String, Object>> datastoreDocuments() {
		List<Map<String, Object>> documents = new ArrayList<>();
		this.resources.values().forEach(resource -> {
			Map<String, Object> spec = new LinkedHashMap<>();
			if (resource.spec().get("owner") == null) {
				Optional<String> owner = single(resource, this.dependents, "spec.dependsOn");
				if (owner.isEmpty()) {
					return;
				}
				spec.put("owner", owner.get());
			}
			spec.putAll(resource.spec());
			documents.add(ManifestWriter.document("Datastore", resource.name(), spec));
		});
		return documents;
	}

	/**
	 * The one service related to the entity, or empty with a report line naming none or
	 * all the candidates.
	 */
	private Optional<String> single(Entity entity, Map<String, Set<String>> relation, String field) {
		Set<String> candidates = relation.getOrDefault(entity.name(), Set.of());
		String kind = entity.descriptor().content().get("kind").toString();
		if (candidates.size() == 1) {
			return Optional.of(candidates.iterator().next());
		}
		this.report.note(entity.descriptor(), "metadata.name", "refused " + kind + " '" + entity.name() + "': "
				+ (candidates.isEmpty() ? "no service Component names it in " + field : "the service Components "
						+ candidates + " all name it in " + field + "; a Steward " + kind.toLowerCase(Locale.ROOT)
						+ " belongs to exactly one service"
						+ (kind.equals("Resource") ? " (name it with the annotation " + OWNER_ANNOTATION + ")" : "")));
		return Optional.empty();
	}

	/**
	 * {@code external} when the {@value #VISIBILITY_ANNOTATION} annotation says so or a
	 * tag is {@code external} or {@code public}; else {@code internal}.
	 */
	private static String visibility(Map<String, Object> metadata, Set<String> used) {
		boolean tagged = list(metadata, "tags").stream()
			.anyMatch(tag -> List.of("external", "public").contains(tag.toString()));
		if (tagged) {
			used.add("metadata.tags");
		}
		return tagged || "external".equals(annotation(metadata, VISIBILITY_ANNOTATION)) ? "external" : "internal";
	}

	/**
	 * The API's definition as text: given inline, or with {@code $text} naming a file
	 * beside the descriptor; other substitutions and remote files are reported.
	 */
	private Optional<String> definition(ManifestFiles.Document descriptor, String name, Map<String, Object> spec) {
		Object definition = spec.get("definition");
		if (definition instanceof String text) {
			return Optional.of(text);
		}
		String file = definition instanceof Map<?, ?> substitution && substitution.get("$text") != null
				? substitution.get("$text").toString() : null;
		if (file == null || file.contains("://")) {
			this.report.note(descriptor, "spec.definition",
					"API '" + name + "': definition "
							+ (file == null ? "is not plain text or $text" : "'" + file + "' is remote")
							+ "; imported without versions");
			return Optional.empty();
		}
		try {
			Optional<Path> path = ManifestFiles.relative(descriptor, file);
			if (path.isEmpty()) {
				throw new IOException("not a path");
			}
			return Optional.of(Files.readString(path.get()));
		}
		catch (IOException ex) {
			this.report.note(descriptor, "spec.definition",
					"API '" + name + "': cannot read $text file '" + file + "'; imported without versions");
			return Optional.empty();
		}
	}

	/**
	 * The version of the definition: the {@value #VERSION_ANNOTATION} annotation, else
	 * the definition's {@code info.version}, when semantic; else
	 * {@value #DEFAULT_VERSION}.
	 */
	private String version(ManifestFiles.Document descriptor, String name, Map<String, Object> metadata,
			String definition) {
		String annotated = annotation(metadata, VERSION_ANNOTATION);
		if (annotated != null && SemanticVersion.parse(annotated).isPresent()) {
			return annotated;
		}
		String declared = infoVersion(definition);
		if (declared != null && SemanticVersion.parse(declared).isPresent()) {
			return declared;
		}
		this.report.note(descriptor, "spec.definition",
				"API '" + name + "': version " + (declared == null ? "not given" : "'" + declared + "' is not semantic")
						+ "; defaulted to " + DEFAULT_VERSION);
		return DEFAULT_VERSION;
	}

	/** The {@code info.version} of an OpenAPI or AsyncAPI document, if it has one. */
	private static String infoVersion(String definition) {
		try {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(definition) instanceof Map<?, ?> document
					&& document.get("info") instanceof Map<?, ?> info && info.get("version") != null
							? info.get("version").toString() : null;
		}
		catch (YAMLException ex) {
			return null;
		}
	}

	/** An annotation's value; annotation names hold dots, so they are no dotted path. */
	private static String annotation(Map<String, Object> metadata, String name) {
		Object value = map(metadata, "annotations").get(name);
		return value == null ? null : value.toString();
	}

	private static void relate(Map<String, Set<String>> relation, Object reference, String service) {
		relation.computeIfAbsent(BackstageImport.ref(reference.toString()), key -> new LinkedHashSet<>()).add(service);
	}

}
