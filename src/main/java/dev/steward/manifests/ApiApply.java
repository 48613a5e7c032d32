package dev.steward.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.steward.access.ChangePermissions;
import dev.steward.apis.ApiConsumers;
import dev.steward.apis.ApiEntry;
import dev.steward.apis.ApiRequest;
import dev.steward.apis.ApiVersion;
import dev.steward.apis.ApiVersions;
import dev.steward.apis.Apis;
import dev.steward.apis.ConsumerRequest;
import dev.steward.apis.SemanticVersion;
import dev.steward.apis.VersionRequest;
import dev.steward.apis.VersionStatus;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.Text;
import dev.steward.manifests.PlanItem.Action;
import org.springframework.stereotype.Component;

/**
 * The API part of an apply: {@code Api} documents with their versions and consumers, and
 * pruning the APIs no document declares. Versions the API does not have yet are added in
 * semantic-version order through the same publication check as the endpoint (a breaking
 * change within a major refuses the whole apply); a declared status only moves a version
 * forward (draft, published, deprecated with its sunset, retired); a stored version's
 * document is never rewritten. The declared consumers replace the stored ones.
 */
@Component
class ApiApply {

	static final String API = "Api";

	private static final String API_DESIGN = "api-design";

	private final Apis apis;

	private final ApiVersions versions;

	private final ApiConsumers consumers;

	private final ServiceCatalog services;

	private final ResourceChanges resources;

	private final ChangePermissions permissions;

	ApiApply(Apis apis, ApiVersions versions, ApiConsumers consumers, ServiceCatalog services,
			ResourceChanges resources, ChangePermissions permissions) {
		this.apis = apis;
		this.versions = versions;
		this.consumers = consumers;
		this.services = services;
		this.resources = resources;
		this.permissions = permissions;
	}

	/** An {@code Api} document's spec. */
	record ApiSpec(String name, String service, String visibility, String type, String description,
			String documentation, List<VersionSpec> versions, List<ConsumerSpec> consumers) {
	}

	/** One declared version; {@code status} is {@code published} when left out. */
	record VersionSpec(String version, String status, String sunset, String spec) {
	}

	/** One declared consumer: a service and the major it uses. */
	record ConsumerSpec(String service, Integer major) {
	}

	PlanItem applyApi(Manifest document, int index) {
		String name = document.name();
		ApiSpec spec = this.resources.spec(document, index, ApiSpec.class);
		if (spec.service() == null || !this.services.exists(spec.service())) {
			throw InvalidInput.field("documents[" + index + "].spec.service", spec.service() == null ? "is required"
					: "names service '" + spec.service() + "', which does not exist and no document declares");
		}
		Optional<ApiEntry> existing = this.apis.findApi(name);
		if (existing.isPresent() && !existing.get().service().equals(spec.service())) {
			throw Conflict.because("API '" + name + "' belongs to service '" + existing.get().service()
					+ "' and cannot move to '" + spec.service() + "'; register a new API instead");
		}
		ApiRequest desired = normalized(
				new ApiRequest(name, spec.visibility(), spec.type(), spec.description(), spec.documentation()));
		PlanItem item = this.resources.upsert(document,
				() -> existing.map(ApiRequest::from).map(ApiApply::normalized).orElse(null), desired,
				action -> permit(action, name, spec.service()), request -> this.apis.create(spec.service(), request),
				request -> this.apis.update(name, request, null));
		List<String> changes = new ArrayList<>(item.changes());
		changes.addAll(applyVersions(name, spec.versions() == null ? List.of() : spec.versions()));
		changes.addAll(applyConsumers(name, spec.consumers() == null ? List.of() : spec.consumers()));
		Action action = item.action() == Action.UNCHANGED && !changes.isEmpty() ? Action.UPDATE : item.action();
		return new PlanItem(API, name, action, changes);
	}

	/**
	 * Deletes the APIs no document declares, with their consumers; they go before the
	 * services they belong to.
	 */
	List<PlanItem> prune(Set<String> declared) {
		List<PlanItem> deletions = new ArrayList<>();
		for (String api : ResourceChanges.names(cursor -> this.apis.apis(null, null, null, Cursor.MAX_LIMIT, cursor),
				ApiEntry::name)) {
			if (!declared.contains(api)) {
				permitApi(api);
				this.consumers.consumers(api).forEach(consumer -> removeConsumer(api, consumer.service()));
				this.apis.delete(api, null);
				deletions.add(new PlanItem(API, api, Action.DELETE, List.of()));
			}
		}
		return deletions;
	}

	/** Adds or moves forward the declared versions, in semantic-version order. */
	private List<String> applyVersions(String api, List<VersionSpec> declared) {
		Map<String, ApiVersion> stored = new HashMap<>();
		this.versions.versions(api).forEach(version -> stored.put(version.version(), version));
		Map<SemanticVersion, Integer> order = new TreeMap<>();
		for (int i = 0; i < declared.size(); i++) {
			String field = "versions[" + i + "]";
			VersionSpec version = declared.get(i);
			SemanticVersion number = SemanticVersion.parse(version.version())
				.orElseThrow(() -> InvalidInput.field(field + ".version",
						"must be a semantic version (MAJOR.MINOR.PATCH, such as 1.2.0)"));
			if (order.put(number, i) != null) {
				throw InvalidInput.field(field + ".version", "declares version " + number + " a second time");
			}
			status(field, version);
		}
		List<String> changes = new ArrayList<>();
		order.values().forEach(i -> {
			String field = "versions[" + i + "]";
			VersionSpec version = declared.get(i);
			ApiVersion current = stored.get(version.version());
			changes.addAll(ResourceChanges.within(field,
					() -> current == null ? addVersion(api, version) : moveVersion(api, field, current, version)));
		});
		return changes;
	}

	private List<String> addVersion(String api, VersionSpec declared) {
		VersionStatus status = status("", declared);
		permitApi(api);
		this.versions.add(api, new VersionRequest(declared.version(), declared.spec(),
				status == VersionStatus.DRAFT ? VersionStatus.DRAFT.key() : VersionStatus.PUBLISHED.key()));
		List<String> changes = new ArrayList<>(List.of("version " + declared.version() + " added"));
		changes.addAll(forward(api, declared, status,
				status == VersionStatus.DRAFT ? VersionStatus.DRAFT : VersionStatus.PUBLISHED, null));
		return changes;
	}

	/**
	 * Checks that a stored version's document is the declared one, then moves its status
	 * forward as declared.
	 */
	private List<String> moveVersion(String api, String field, ApiVersion current, VersionSpec declared) {
		if (declared.spec() != null && !ResourceChanges
			.sameDocument(this.versions.version(api, current.version()).spec(), declared.spec())) {
			throw Conflict.because(field + ".spec differs from the stored document of version " + current.version()
					+ " of API '" + api + "'; versions are immutable, declare a new version instead");
		}
		VersionStatus wanted = status(field, declared);
		if (wanted.ordinal() < current.status().ordinal()) {
			throw Conflict.because(field + ": version " + current.version() + " of API '" + api + "' is "
					+ current.status().key() + " and cannot go back to " + wanted.key());
		}
		return forward(api, declared, wanted, current.status(),
				current.sunset() == null ? null : current.sunset().toString());
	}

	/**
	 * Moves a version from {@code from} to {@code to} step by step: published, deprecated
	 * with the declared sunset (or a new sunset for a deprecated one), retired.
	 */
	private List<String> forward(String api, VersionSpec declared, VersionStatus to, VersionStatus from,
			String storedSunset) {
		List<String> changes = new ArrayList<>();
		String version = declared.version();
		if (from == VersionStatus.DRAFT && to.ordinal() > VersionStatus.DRAFT.ordinal()) {
			permitApi(api);
			this.versions.publish(api, version);
			changes.add("version " + version + " published");
		}
		boolean deprecate = from.ordinal() < VersionStatus.DEPRECATED.ordinal()
				&& to.ordinal() >= VersionStatus.DEPRECATED.ordinal();
		boolean newSunset = from == VersionStatus.DEPRECATED && to == VersionStatus.DEPRECATED
				&& declared.sunset() != null && !declared.sunset().equals(storedSunset);
		if (deprecate || newSunset) {
			permitApi(api);
			this.versions.deprecate(api, version, declared.sunset());
			changes.add("version " + version + " deprecated (sunset " + declared.sunset() + ")");
		}
		if (from != VersionStatus.RETIRED && to == VersionStatus.RETIRED) {
			permitApi(api);
			this.versions.retire(api, version);
			changes.add("version " + version + " retired");
		}
		return changes;
	}

	/** Sets the declared consumers and removes the others. */
	private List<String> applyConsumers(String api, List<ConsumerSpec> declared) {
		Map<String, Integer> stored = new LinkedHashMap<>();
		this.consumers.consumers(api).forEach(consumer -> stored.put(consumer.service(), consumer.major()));
		List<String> changes = new ArrayList<>();
		Map<String, Integer> wanted = new LinkedHashMap<>();
		for (int i = 0; i < declared.size(); i++) {
			ConsumerSpec consumer = declared.get(i);
			String field = "consumers[" + i + "]";
			if (consumer.service() == null || consumer.major() == null) {
				throw InvalidInput.field(field, "needs a service and the major version it uses");
			}
			if (wanted.put(consumer.service(), consumer.major()) != null) {
				throw InvalidInput.field(field + ".service", "names '" + consumer.service() + "' a second time");
			}
			if (!consumer.major().equals(stored.get(consumer.service()))) {
				ResourceChanges.within(field, () -> {
					this.permissions.require(Rule.TEAM_MEMBER, "service", consumer.service());
					return this.consumers.put(api, consumer.service(), new ConsumerRequest(consumer.major()));
				});
				changes.add("consumer " + consumer.service() + " on major " + consumer.major());
			}
		}
		stored.keySet().stream().filter(service -> !wanted.containsKey(service)).forEach(service -> {
			removeConsumer(api, service);
			changes.add("consumer " + service + " removed");
		});
		return changes;
	}

	private void removeConsumer(String api, String service) {
		this.permissions.require(Rule.TEAM_MEMBER, "service", service);
		this.consumers.remove(api, service);
	}

	/** The declared status of a version, {@code published} when left out. */
	private static VersionStatus status(String field, VersionSpec version) {
		if (Text.blankToNull(version.status()) == null) {
			return VersionStatus.PUBLISHED;
		}
		return Keyed.fromKey(VersionStatus.class, version.status())
			.orElseThrow(() -> InvalidInput.field(field + ".status",
					"must be one of " + String.join(", ", Keyed.keys(VersionStatus.class))));
	}

	private void permit(Action action, String api, String service) {
		if (action == Action.CREATE) {
			this.permissions.require(Rule.TEAM_MEMBER, "service", service, API_DESIGN);
		}
		else {
			permitApi(api);
		}
	}

	private void permitApi(String api) {
		this.permissions.require(Rule.TEAM_MEMBER, "api", api, API_DESIGN);
	}

	private static ApiRequest normalized(ApiRequest request) {
		return new ApiRequest(request.name(), request.visibility(), request.type(),
				Text.blankToNull(request.description()), Text.blankToNull(request.documentation()));
	}

}
