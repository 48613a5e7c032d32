package dev.steward.apis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.apis.internal.ApiStore;
import dev.steward.apis.internal.ConsumerStore;
import dev.steward.apis.internal.OpenApiContracts;
import dev.steward.apis.internal.UnreadableContract;
import dev.steward.apis.internal.VersionStore;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.Conflict;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.NotFound;
import dev.steward.common.Text;
import dev.steward.common.Validation;
import dev.steward.notifications.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of each API from draft to retired. Publishing an OpenAPI version compares
 * it with the newest published version of the same major and refuses any breaking change
 * (a new major may break anything); deprecating a version mails the teams whose services
 * consume its major; retiring one is refused while consumers of its major have no other
 * published version to move to.
 */
@Service
@Transactional
public class ApiVersions {

	private static final List<String> LIVE = List.of(VersionStatus.PUBLISHED.key(), VersionStatus.DEPRECATED.key());

	private static final TypeReference<List<ContractChange>> CHANGES = new TypeReference<>() {
	};

	private final Apis apis;

	private final ApiStore apiStore;

	private final VersionStore store;

	private final ConsumerStore consumers;

	private final ServiceCatalog services;

	private final MailOutbox mail;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	private final int maxSpecLength;

	ApiVersions(Apis apis, ApiStore apiStore, VersionStore store, ConsumerStore consumers, ServiceCatalog services,
			MailOutbox mail, AuditTrail audit, JsonMapper json, Clock clock,
			@Value("${steward.apis.max-spec-chars:4000000}") int maxSpecLength) {
		this.apis = apis;
		this.apiStore = apiStore;
		this.store = store;
		this.consumers = consumers;
		this.services = services;
		this.mail = mail;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.maxSpecLength = maxSpecLength;
	}

	/** Every version of the API, newest first, without their documents. */
	@Transactional(readOnly = true)
	public List<ApiVersion> versions(String api) {
		this.apis.api(api);
		LocalDate today = today();
		return this.store.of(api).stream().map(row -> version(row, today)).toList();
	}

	/** One version with its contract document. */
	@Transactional(readOnly = true)
	public ApiVersion version(String api, String version) {
		return version(row(api, version, true), today());
	}

	/**
	 * Adds a version, published at once unless the request asks for a draft; the version
	 * must be new, and for OpenAPI the document must parse.
	 */
	public ApiVersion add(String api, VersionRequest request) {
		return add(api, request, false);
	}

	/**
	 * Adds a version as {@link #add(String, VersionRequest)} does, or with {@code dryRun}
	 * only checks it and answers the version it would be (with its changes), storing
	 * nothing.
	 */
	public ApiVersion add(String api, VersionRequest request, boolean dryRun) {
		ApiEntry entry = locked(api);
		Validation validation = new Validation();
		Optional<SemanticVersion> semver = semver(validation, request.version());
		String status = Text.blankToNull(request.status());
		if (status != null && !status.equals(VersionStatus.DRAFT.key())
				&& !status.equals(VersionStatus.PUBLISHED.key())) {
			validation.error("status", "must be draft or published (default published)");
		}
		String spec = request.spec();
		if (validation.required("spec", Text.blankToNull(spec))) {
			validation.maxLength("spec", spec, this.maxSpecLength);
		}
		validation.throwIfInvalid();
		if (entry.type() == ApiType.OPENAPI) {
			readable(spec);
		}
		if (this.store.find(api, request.version(), false).isPresent()) {
			throw Conflict.duplicate("version of API '" + api + "'", request.version());
		}
		SemanticVersion number = semver.orElseThrow();
		VersionStore.Row draft = new VersionStore.Row(api, number.toString(), number.major(), number.minor(),
				number.patch(), number.preRelease(), VersionStatus.DRAFT.key(), format(spec), spec, null, null, null,
				this.clock.instant(), null, null, null);
		VersionStore.Row stored = VersionStatus.DRAFT.key().equals(status) ? draft : published(entry, draft);
		if (dryRun) {
			return version(stored, today()).withoutSpec();
		}
		this.store.insert(stored, spec);
		this.apiStore.touch(api, this.clock.instant());
		ApiVersion added = version(api, stored.version()).withoutSpec();
		this.audit.record(VersionStatus.DRAFT.key().equals(status) ? "api.version-drafted" : "api.version-published",
				Apis.target(api) + "/versions/" + added.version(), entry.service(), null, added);
		return added;
	}

	/** Publishes a draft, with the same comparison as publishing at once. */
	public ApiVersion publish(String api, String version) {
		ApiEntry entry = locked(api);
		VersionStore.Row draft = row(api, version, true);
		requireStatus(draft, "published", VersionStatus.DRAFT);
		return moved(entry, draft, published(entry, draft), "api.version-published");
	}

	/**
	 * Deprecates a published version with its sunset date (today or later), or moves the
	 * sunset of a deprecated one, and mails the owners of the services that consume its
	 * major.
	 */
	public ApiVersion deprecate(String api, String version, String sunsetText) {
		ApiEntry entry = locked(api);
		VersionStore.Row row = row(api, version, false);
		LocalDate sunset = sunset(sunsetText);
		requireStatus(row, "deprecated", VersionStatus.PUBLISHED, VersionStatus.DEPRECATED);
		Instant deprecatedAt = row.deprecatedAt() == null ? this.clock.instant() : row.deprecatedAt();
		ApiVersion after = moved(entry, row, row.with(VersionStatus.DEPRECATED.key(), row.comparedWith(), row.changes(),
				sunset, row.publishedAt(), deprecatedAt, null), "api.version-deprecated");
		notifyConsumers(entry, after);
		return after;
	}

	/**
	 * Retires a deprecated version; refused while services consume its major and no other
	 * version of that major is still published.
	 */
	public ApiVersion retire(String api, String version) {
		ApiEntry entry = locked(api);
		VersionStore.Row row = row(api, version, false);
		requireStatus(row, "retired", VersionStatus.DEPRECATED);
		boolean otherPublished = this.store.ofMajor(api, row.major(), List.of(VersionStatus.PUBLISHED.key()))
			.stream()
			.anyMatch(other -> !other.version().equals(version));
		List<String> users = this.consumers.ofMajor(api, row.major()).stream().map(Consumer::service).toList();
		if (!otherPublished && !users.isEmpty()) {
			throw Conflict
				.because("Version " + version + " of API '" + api + "' is the last of major " + row.major()
						+ " and these services still consume it: " + String.join(", ", users))
				.detail("consumers", users);
		}
		return moved(entry, row, row.with(VersionStatus.RETIRED.key(), row.comparedWith(), row.changes(), row.sunset(),
				row.publishedAt(), row.deprecatedAt(), this.clock.instant()), "api.version-retired");
	}

	/** Whether the API has a published or deprecated version of the major. */
	@Transactional(readOnly = true)
	public boolean hasLiveMajor(String api, int major) {
		return !this.store.ofMajor(api, major, LIVE).isEmpty();
	}

	/**
	 * The live (published or deprecated) versions of every API, grouped by API and major,
	 * newest first; for finding consumers left on a version past its sunset.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<Integer, List<ApiVersion>>> liveByMajor() {
		LocalDate today = today();
		Map<String, Map<Integer, List<ApiVersion>>> live = new TreeMap<>();
		for (VersionStore.Row row : this.store.inStates(LIVE)) {
			live.computeIfAbsent(row.api(), key -> new TreeMap<>())
				.computeIfAbsent(row.major(), key -> new ArrayList<>())
				.add(version(row, today));
		}
		return live;
	}

	/** The row as published: compared with what came before, or refused as breaking. */
	private VersionStore.Row published(ApiEntry api, VersionStore.Row draft) {
		SemanticVersion number = number(draft);
		List<VersionStore.Row> sameMajor = this.store.ofMajor(api.name(), draft.major(), LIVE);
		Optional<VersionStore.Row> latest = sameMajor.stream().max((a, b) -> number(a).compareTo(number(b)));
		if (latest.isPresent() && number(latest.get()).compareTo(number) >= 0) {
			throw Conflict
				.because("Version " + draft.version() + " is not above " + latest.get().version()
						+ ", the newest published version of major " + draft.major() + " of API '" + api.name() + "'")
				.detail("latestVersion", latest.get().version());
		}
		Optional<VersionStore.Row> previous = latest.isPresent() ? latest : previousMajor(api.name(), number);
		List<ContractChange> changes = List.of();
		if (api.type() == ApiType.OPENAPI && previous.isPresent()) {
			changes = compare(previous.get().spec(), draft.spec());
			List<ContractChange> breaking = OpenApiContracts.breaking(changes);
			if (latest.isPresent() && !breaking.isEmpty()) {
				throw Conflict
					.because(breaking.size() + " breaking change(s) against version " + latest.get().version()
							+ "; publish them as a new major version")
					.detail("comparedWith", latest.get().version())
					.detail("breakingChanges", breaking);
			}
		}
		return draft.with(VersionStatus.PUBLISHED.key(), previous.map(VersionStore.Row::version).orElse(null),
				this.json.writeValueAsString(changes), null, this.clock.instant(), null, null);
	}

	/**
	 * The newest live version of an older major, which a new major is described against.
	 */
	private Optional<VersionStore.Row> previousMajor(String api, SemanticVersion number) {
		Optional<VersionStore.Row> previous = Optional.empty();
		for (int major = number.major() - 1; major >= 0 && previous.isEmpty(); major--) {
			previous = this.store.ofMajor(api, major, LIVE).stream().max((a, b) -> number(a).compareTo(number(b)));
		}
		return previous;
	}

	private List<ContractChange> compare(String base, String revision) {
		try {
			return OpenApiContracts.compare(base, revision);
		}
		catch (UnreadableContract ex) {
			throw InvalidInput.field("spec", "is not a readable OpenAPI 3.0 or 3.1 document: " + ex.getMessage());
		}
	}

	private void notifyConsumers(ApiEntry api, ApiVersion version) {
		TreeSet<String> teams = new TreeSet<>();
		List<Consumer> users = this.consumers.ofMajor(api.name(), version.major());
		for (Consumer consumer : users) {
			this.services.findService(consumer.service()).map(ServiceEntry::owner).ifPresent(teams::add);
		}
		for (String team : teams) {
			List<String> theirs = users.stream()
				.map(Consumer::service)
				.filter(service -> this.services.findService(service).map(ServiceEntry::owner).orElse("").equals(team))
				.toList();
			this.mail.toTeam(
					"api-deprecated:" + api.name() + ":" + version.version() + ":" + version.sunset() + ":" + team,
					team, "[Steward] " + api.name() + " " + version.version() + " is deprecated (sunset "
							+ version.sunset() + ")",
					deprecationNotice(api, version, theirs));
		}
	}

	private static String deprecationNotice(ApiEntry api, ApiVersion version, List<String> services) {
		return "Version " + version.version() + " of the API " + api.name() + " (owned by the service " + api.service()
				+ ") is deprecated and will be retired after its sunset date, " + version.sunset()
				+ ".\n\nYour services consume major version " + version.major() + " of it: "
				+ String.join(", ", services) + ".\nMove them to a newer version before the sunset"
				+ (api.latestVersion() == null ? "" : "; the newest published version is " + api.latestVersion())
				+ ".\n";
	}

	private ApiVersion moved(ApiEntry api, VersionStore.Row before, VersionStore.Row after, String action) {
		this.store.update(after);
		this.apiStore.touch(api.name(), this.clock.instant());
		ApiVersion moved = version(api.name(), after.version()).withoutSpec();
		this.audit.record(action, Apis.target(api.name()) + "/versions/" + after.version(), api.service(),
				version(before, today()).withoutSpec(), moved);
		return moved;
	}

	/** The API, its row held so that its versions change one request at a time. */
	private ApiEntry locked(String api) {
		if (!this.apiStore.lock(api)) {
			throw NotFound.of("API", api);
		}
		return this.apis.api(api);
	}

	private static void readable(String spec) {
		try {
			OpenApiContracts.parse(spec);
		}
		catch (UnreadableContract ex) {
			throw InvalidInput.field("spec", "is not a readable OpenAPI 3.0 or 3.1 document: " + ex.getMessage());
		}
	}

	private static Optional<SemanticVersion> semver(Validation validation, String text) {
		if (!validation.required("version", Text.blankToNull(text))) {
			return Optional.empty();
		}
		Optional<SemanticVersion> semver = SemanticVersion.parse(text);
		if (semver.isEmpty()) {
			validation.error("version", "'" + Text.truncate(text, 100)
					+ "' is not a semantic version (MAJOR.MINOR.PATCH, such as 1.2.0 or 2.0.0-rc.1)");
		}
		return semver;
	}

	private LocalDate sunset(String text) {
		if (Text.blankToNull(text) == null) {
			throw InvalidInput.field("sunset", "is required: the date (YYYY-MM-DD) after which the version goes away");
		}
		LocalDate sunset;
		try {
			sunset = LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw InvalidInput.field("sunset", "'" + Text.truncate(text, 40) + "' is not a date (YYYY-MM-DD)");
		}
		if (sunset.isBefore(today())) {
			throw InvalidInput.field("sunset", "must not be in the past (today is " + today() + ")");
		}
		return sunset;
	}

	private static void requireStatus(VersionStore.Row row, String to, VersionStatus... from) {
		for (VersionStatus status : from) {
			if (status.key().equals(row.status())) {
				return;
			}
		}
		throw Conflict.because("Version " + row.version() + " is " + row.status() + " and cannot become " + to)
			.detail("currentStatus", row.status());
	}

	private VersionStore.Row row(String api, String version, boolean withSpec) {
		this.apis.api(api);
		return this.store.find(api, version, withSpec)
			.orElseThrow(() -> NotFound.because("API '" + api + "' has no version " + version));
	}

	private ApiVersion version(VersionStore.Row row, LocalDate today) {
		VersionStatus status = Keyed.fromKey(VersionStatus.class, row.status()).orElseThrow();
		boolean pastSunset = status == VersionStatus.DEPRECATED && row.sunset() != null && row.sunset().isBefore(today);
		List<ContractChange> changes = row.changes() == null ? List.of() : this.json.readValue(row.changes(), CHANGES);
		return new ApiVersion(row.api(), row.version(), row.major(), status, row.sunset(), pastSunset, row.specFormat(),
				row.spec(), row.comparedWith(), changes, row.createdAt(), row.publishedAt(), row.deprecatedAt(),
				row.retiredAt());
	}

	private static SemanticVersion number(VersionStore.Row row) {
		return SemanticVersion.parse(row.version()).orElseThrow();
	}

	private static String format(String spec) {
		return spec.stripLeading().startsWith("{") ? "json" : "yaml";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
