package dev.steward.cli;

import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.steward.apis.ApiType;
import dev.steward.apis.ApiVisibility;
import dev.steward.apis.SemanticVersion;
import dev.steward.apis.VersionStatus;
import dev.steward.catalog.Aspect;
import dev.steward.catalog.Criticality;
import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.Role;
import dev.steward.catalog.TeamKind;
import dev.steward.common.Keyed;
import dev.steward.common.Validation;
import dev.steward.data.AccessMode;
import dev.steward.data.Classification;
import dev.steward.environments.EnvironmentKind;
import dev.steward.oncall.TurnLength;
import dev.steward.slas.SloIndicator;
import dev.steward.windows.CronSchedule;
import dev.steward.windows.WindowKind;
import dev.steward.windows.WindowScope;

/**
 * Offline checks of catalog documents: the envelope, each kind's required fields and
 * values, and that every reference (owner, member, product, dependency, delegation,
 * escalation policy, a schedule's team and users, a policy's team and targets, a window's
 * environments and the service or product of its scope, an SLO's service, an API's
 * service and consumers, a datastore's owner and the services with direct access) names a
 * document among the files checked, and that every contract or schema file named exists.
 */
final class ManifestChecks {

	static final String API_VERSION = "steward.dev/v1";

	static final List<String> KINDS = List.of("User", "Team", "Product", "Service", "Schedule", "EscalationPolicy",
			"Environment", "Window", "SLO", "Api", "Datastore");

	/** The environments of a window that leaves them out. */
	private static final List<String> DEFAULT_ENVIRONMENTS = List.of("production");

	/** The shortest and longest rolling window of an SLO. */
	private static final Duration MIN_SLO_WINDOW = Duration.ofDays(1);

	private static final Duration MAX_SLO_WINDOW = Duration.ofDays(90);

	/** The highest place of an environment in the promotion order. */
	private static final long MAX_ORDER = 10_000;

	private final List<String> problems = new ArrayList<>();

	private final Set<String> declared = new HashSet<>();

	/** The environment documents by their place in the promotion order. */
	private final Map<Long, String> environmentOrders = new HashMap<>();

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
		boolean slo = "SLO".equals(kind);
		if (slo ? !isSloName(name) : !Validation.isName(name)) {
			problem(document, "metadata.name",
					(slo ? "metadata.name of an SLO must be <service>/<slo>, two lower-case slugs"
							: "metadata.name must be a lower-case slug") + ", was '" + name + "'");
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
				timeZone(document, spec);
			}
			case "Team" -> {
				required(document, spec, "title");
				oneOf(document, spec, "kind", Keyed.keys(TeamKind.class), true);
				List<?> members = items(spec.get("members"));
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
			case "Schedule" -> schedule(document, spec);
			case "EscalationPolicy" -> policy(document, spec);
			case "Environment" -> environment(document, spec);
			case "Window" -> window(document, spec);
			case "SLO" -> slo(document, spec);
			case "Api" -> api(document, spec);
			case "Datastore" -> datastore(document, spec);
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
		if (spec.get("escalationPolicy") != null) {
			reference(document, "spec.escalationPolicy", "EscalationPolicy", spec.get("escalationPolicy"));
		}
		List<?> dependencies = items(spec.get("dependencies"));
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

	private void schedule(ManifestFiles.Document document, Map<String, Object> spec) {
		if (required(document, spec, "team")) {
			reference(document, "spec.team", "Team", spec.get("team"));
		}
		timeZone(document, spec);
		List<?> layers = items(spec.get("layers"));
		if (layers.isEmpty()) {
			problem(document, "spec", "spec.layers must list at least one layer");
		}
		for (int i = 0; i < layers.size(); i++) {
			String path = "spec.layers[" + i + "]";
			if (!(layers.get(i) instanceof Map<?, ?> layer)) {
				problem(document, path, path + " must be a mapping");
				continue;
			}
			if (required(document, layer, path, "start")) {
				time(document, layer, path, "start");
			}
			time(document, layer, path, "end");
			time(document, layer, path, "rotationVirtualStart");
			if (required(document, layer, path, "turnLength")
					&& TurnLength.parse(String.valueOf(layer.get("turnLength"))).isEmpty()) {
				problem(document, path + ".turnLength",
						"turnLength must be whole minutes or hours (PT12H) or days or weeks (P1D, P1W)");
			}
			List<?> users = items(layer.get("users"));
			if (users.isEmpty()) {
				problem(document, path, path + ".users must name at least one user");
			}
			for (int u = 0; u < users.size(); u++) {
				reference(document, path + ".users[" + u + "]", "User", users.get(u));
			}
			List<?> restrictions = items(layer.get("restrictions"));
			for (int r = 0; r < restrictions.size(); r++) {
				String restriction = path + ".restrictions[" + r + "]";
				if (restrictions.get(r) instanceof Map<?, ?> fields) {
					oneOf(document, fields, restriction, "type", List.of("daily", "weekly"), true);
					required(document, fields, restriction, "startTimeOfDay");
					required(document, fields, restriction, "duration");
				}
			}
		}
	}

	private void policy(ManifestFiles.Document document, Map<String, Object> spec) {
		if (required(document, spec, "team")) {
			reference(document, "spec.team", "Team", spec.get("team"));
		}
		List<?> levels = items(spec.get("levels"));
		if (levels.isEmpty()) {
			problem(document, "spec", "spec.levels must list at least one level");
		}
		for (int i = 0; i < levels.size(); i++) {
			String path = "spec.levels[" + i + "]";
			if (!(levels.get(i) instanceof Map<?, ?> level)) {
				problem(document, path, path + " must be a mapping");
				continue;
			}
			if (required(document, level, path, "delay") && !isDuration(level.get("delay"))) {
				problem(document, path + ".delay", "delay must be an ISO-8601 duration such as PT5M");
			}
			List<?> targets = items(level.get("targets"));
			if (targets.isEmpty()) {
				problem(document, path, path + ".targets must name at least one user or schedule");
			}
			for (int t = 0; t < targets.size(); t++) {
				String target = path + ".targets[" + t + "]";
				if (targets.get(t) instanceof Map<?, ?> fields
						&& oneOf(document, fields, target, "type", List.of("user", "schedule"), true)) {
					reference(document, target, "user".equals(fields.get("type")) ? "User" : "Schedule",
							fields.get("name"));
				}
			}
		}
	}

	private void environment(ManifestFiles.Document document, Map<String, Object> spec) {
		oneOf(document, spec, "kind", Keyed.keys(EnvironmentKind.class), true);
		if (required(document, spec, "order")) {
			if (!(spec.get("order") instanceof Long order && order >= 0 && order <= MAX_ORDER)) {
				problem(document, "spec.order", "order must be a number from 0 to " + MAX_ORDER);
			}
			else {
				String other = this.environmentOrders.putIfAbsent(order, text(document.content(), "metadata.name"));
				if (other != null) {
					problem(document, "spec.order", "order " + order + " is also the order of Environment '" + other
							+ "'; each environment has its own place in the promotion order");
				}
			}
		}
		if (spec.get("promotionRequired") != null && !(spec.get("promotionRequired") instanceof Boolean)) {
			problem(document, "spec.promotionRequired", "promotionRequired must be true or false");
		}
	}

	/**
	 * A window's scope, kind, environments and timing: a cron {@code schedule} with a
	 * {@code duration}, or a one-off {@code start} and {@code end}.
	 */
	private void window(ManifestFiles.Document document, Map<String, Object> spec) {
		if (required(document, spec, "scope")) {
			Optional<WindowScope> scope = WindowScope.parse(String.valueOf(spec.get("scope")));
			if (scope.isEmpty()) {
				problem(document, "spec.scope", "scope must be company, product:<name> or service:<name>");
			}
			else if (scope.get().level() != WindowScope.Level.COMPANY) {
				reference(document, "spec.scope",
						scope.get().level() == WindowScope.Level.SERVICE ? "Service" : "Product", scope.get().name());
			}
		}
		oneOf(document, spec, "kind", Keyed.keys(WindowKind.class), true);
		if (spec.get("environments") == null) {
			DEFAULT_ENVIRONMENTS.forEach(environment -> {
				if (!this.declared.contains("Environment/" + environment)) {
					problem(document, "spec", "refers to Environment '" + environment
							+ "' (spec.environments leaves it out), which no given file declares");
				}
			});
		}
		else if (!(spec.get("environments") instanceof List<?> environments) || environments.isEmpty()) {
			problem(document, "spec.environments", "environments must list at least one environment");
		}
		else {
			for (int i = 0; i < environments.size(); i++) {
				reference(document, "spec.environments[" + i + "]", "Environment", environments.get(i));
			}
		}
		timeZone(document, spec);
		boolean recurring = spec.get("schedule") != null || spec.get("duration") != null;
		boolean once = spec.get("start") != null || spec.get("end") != null;
		if (recurring && once) {
			problem(document, "spec",
					"give either spec.schedule and spec.duration or spec.start and spec.end, not both");
		}
		else if (recurring) {
			if (required(document, spec, "schedule")) {
				try {
					CronSchedule.parse(String.valueOf(spec.get("schedule")));
				}
				catch (IllegalArgumentException ex) {
					problem(document, "spec.schedule",
							"schedule is not a five-field cron expression: " + ex.getMessage());
				}
			}
			if (required(document, spec, "duration") && !isPositiveDuration(spec.get("duration"))) {
				problem(document, "spec.duration", "duration must be a positive ISO-8601 duration such as PT2H");
			}
		}
		else if (once) {
			if (required(document, spec, "start")) {
				time(document, spec, "spec", "start");
			}
			if (required(document, spec, "end")) {
				time(document, spec, "spec", "end");
			}
			if (isTime(spec.get("start")) && isTime(spec.get("end"))
					&& !OffsetDateTime.parse(spec.get("end").toString())
						.isAfter(OffsetDateTime.parse(spec.get("start").toString()))) {
				problem(document, "spec.end", "end must be after start");
			}
		}
		else {
			problem(document, "spec", "give spec.schedule and spec.duration (a recurring window) or spec.start and "
					+ "spec.end (a one-off window)");
		}
	}

	/**
	 * An SLO's service (the first part of its name), indicator, objective in percent,
	 * rolling window, a latency SLO's threshold and the Prometheus server it is pulled
	 * from.
	 */
	private void slo(ManifestFiles.Document document, Map<String, Object> spec) {
		String name = text(document.content(), "metadata.name");
		if (isSloName(name)) {
			reference(document, "metadata.name", "Service", name.substring(0, name.indexOf('/')));
		}
		boolean latency = SloIndicator.LATENCY.key().equals(spec.get("indicator"));
		oneOf(document, spec, "indicator", Keyed.keys(SloIndicator.class), true);
		if (required(document, spec, "objective") && !(spec.get("objective") instanceof Number objective
				&& objective.doubleValue() > 0 && objective.doubleValue() < 100)) {
			problem(document, "spec.objective", "objective must be a percentage above 0 and below 100, such as 99.9");
		}
		if (required(document, spec, "window")) {
			Duration window = parseDuration(spec.get("window"));
			if (window == null || window.compareTo(MIN_SLO_WINDOW) < 0 || window.compareTo(MAX_SLO_WINDOW) > 0
					|| window.toSeconds() % 60 != 0) {
				problem(document, "spec.window", "window must be whole minutes from P1D to P90D, such as P28D or P30D");
			}
		}
		if (spec.get("latencyThreshold") != null && !latency) {
			problem(document, "spec.latencyThreshold", "latencyThreshold belongs to latency SLOs only");
		}
		else if (latency && required(document, spec, "latencyThreshold")
				&& !isPositiveDuration(spec.get("latencyThreshold"))) {
			problem(document, "spec.latencyThreshold",
					"latencyThreshold must be a positive ISO-8601 duration such as PT0.3S");
		}
		if (spec.get("prometheus") instanceof Map<?, ?> prometheus) {
			if (required(document, prometheus, "spec.prometheus", "url") && !isHttpUrl(prometheus.get("url"))) {
				problem(document, "spec.prometheus.url", "url must be an http or https URL");
			}
			required(document, prometheus, "spec.prometheus", "goodQuery");
			required(document, prometheus, "spec.prometheus", "totalQuery");
		}
		else if (spec.get("prometheus") != null) {
			problem(document, "spec.prometheus", "spec.prometheus must be a mapping of url, goodQuery and totalQuery");
		}
	}

	/**
	 * An API's service, visibility and type, its versions (semantic, with a known status,
	 * a sunset once deprecated, and exactly one of {@code spec} and {@code specFile}) and
	 * its consumers (declared services on a major of a declared version).
	 */
	private void api(ManifestFiles.Document document, Map<String, Object> spec) {
		if (required(document, spec, "service")) {
			reference(document, "spec.service", "Service", spec.get("service"));
		}
		oneOf(document, spec, "visibility", Keyed.keys(ApiVisibility.class), true);
		oneOf(document, spec, "type", Keyed.keys(ApiType.class), true);
		if (spec.get("documentation") != null && !isHttpUrl(spec.get("documentation"))) {
			problem(document, "spec.documentation", "documentation must be an http or https URL");
		}
		Set<Long> majors = new HashSet<>();
		Set<String> versions = new HashSet<>();
		List<?> declared = items(spec.get("versions"));
		for (int i = 0; i < declared.size(); i++) {
			String path = "spec.versions[" + i + "]";
			if (!(declared.get(i) instanceof Map<?, ?> version)) {
				problem(document, path, path + " must be a mapping");
				continue;
			}
			if (required(document, version, path, "version")) {
				Optional<SemanticVersion> number = SemanticVersion.parse(version.get("version").toString());
				if (number.isEmpty()) {
					problem(document, path + ".version", "version must be a semantic version such as 1.2.0");
				}
				else if (!versions.add(number.get().toString())) {
					problem(document, path + ".version", "version " + number.get() + " is declared twice");
				}
				else {
					majors.add((long) number.get().major());
				}
			}
			oneOf(document, version, path, "status", Keyed.keys(VersionStatus.class), false);
			boolean deprecated = "deprecated".equals(version.get("status")) || "retired".equals(version.get("status"));
			if (deprecated && required(document, version, path, "sunset") && !isDate(version.get("sunset"))) {
				problem(document, path + ".sunset", "sunset must be a date such as 2027-06-30");
			}
			inlineOrFile(document, version, path, "spec", "specFile");
		}
		List<?> consumers = items(spec.get("consumers"));
		for (int i = 0; i < consumers.size(); i++) {
			String path = "spec.consumers[" + i + "]";
			if (consumers.get(i) instanceof Map<?, ?> consumer) {
				reference(document, path + ".service", "Service", consumer.get("service"));
				if (!(consumer.get("major") instanceof Long major && majors.contains(major))) {
					problem(document, path + ".major", "major must be the major of a version the API declares");
				}
			}
		}
	}

	/**
	 * A datastore's owner, kind, classification, pii flag, retention, schema versions
	 * (exactly one of {@code document} and {@code documentFile} each) and the services
	 * with direct access.
	 */
	private void datastore(ManifestFiles.Document document, Map<String, Object> spec) {
		if (required(document, spec, "owner")) {
			reference(document, "spec.owner", "Service", spec.get("owner"));
		}
		if (required(document, spec, "kind") && !Validation.isName(spec.get("kind").toString())) {
			problem(document, "spec.kind", "kind must be a technology slug such as postgresql, redis or kafka-topic");
		}
		oneOf(document, spec, "classification", Keyed.keys(Classification.class), true);
		if (!(spec.get("pii") instanceof Boolean)) {
			problem(document, spec.get("pii") == null ? "spec" : "spec.pii", "spec.pii must be true or false");
		}
		if (spec.get("retentionDays") != null
				&& !(spec.get("retentionDays") instanceof Long days && days >= 1 && days <= 36_500)) {
			problem(document, "spec.retentionDays", "retentionDays must be a number of days from 1 to 36500");
		}
		if (spec.get("accessPatterns") instanceof Map<?, ?> patterns) {
			for (String rate : List.of("readsPerSecond", "writesPerSecond")) {
				if (patterns.get(rate) != null
						&& !(patterns.get(rate) instanceof Number number && number.doubleValue() >= 0)) {
					problem(document, "spec.accessPatterns." + rate, rate + " must be a number of 0 or more");
				}
			}
		}
		List<?> schemas = items(spec.get("schemas"));
		for (int i = 0; i < schemas.size(); i++) {
			String path = "spec.schemas[" + i + "]";
			if (!(schemas.get(i) instanceof Map<?, ?> schema)) {
				problem(document, path, path + " must be a mapping");
				continue;
			}
			if (required(document, schema, path, "name") && !Validation.isName(schema.get("name").toString())) {
				problem(document, path + ".name", "name must be a lower-case slug");
			}
			required(document, schema, path, "version");
			time(document, schema, path, "appliedAt");
			inlineOrFile(document, schema, path, "document", "documentFile");
		}
		List<?> access = items(spec.get("access"));
		for (int i = 0; i < access.size(); i++) {
			String path = "spec.access[" + i + "]";
			if (access.get(i) instanceof Map<?, ?> entry) {
				reference(document, path + ".service", "Service", entry.get("service"));
				oneOf(document, entry, path, "mode", Keyed.keys(AccessMode.class), true);
			}
		}
	}

	/**
	 * Exactly one of a document given inline ({@code inline}) and a file relative to the
	 * manifest ({@code file}) that exists.
	 */
	private void inlineOrFile(ManifestFiles.Document document, Map<?, ?> fields, String path, String inline,
			String file) {
		if ((fields.get(inline) == null) == (fields.get(file) == null)) {
			problem(document, path, path + " needs exactly one of " + inline + " and " + file);
		}
		else if (fields.get(file) != null && !ManifestFiles.relative(document, fields.get(file).toString())
			.map(Files::isRegularFile)
			.orElse(false)) {
			problem(document, path + "." + file,
					file + " '" + fields.get(file) + "' is no file (paths are relative to the manifest)");
		}
	}

	private void timeZone(ManifestFiles.Document document, Map<String, Object> spec) {
		if (required(document, spec, "timeZone")) {
			try {
				ZoneId.of(String.valueOf(spec.get("timeZone")));
			}
			catch (DateTimeException ex) {
				problem(document, "spec.timeZone", "timeZone must be an IANA zone such as Europe/Berlin");
			}
		}
	}

	private void time(ManifestFiles.Document document, Map<?, ?> fields, String path, String field) {
		Object value = fields.get(field);
		if (value != null) {
			try {
				DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.toString());
			}
			catch (DateTimeException ex) {
				problem(document, path + "." + field, field + " must be an RFC 3339 time such as 2027-01-04T09:00:00Z");
			}
		}
	}

	private boolean required(ManifestFiles.Document document, Map<?, ?> spec, String field) {
		return required(document, spec, "spec", field);
	}

	private boolean required(ManifestFiles.Document document, Map<?, ?> fields, String path, String field) {
		Object value = fields.get(field);
		if (value == null || value.toString().isBlank()) {
			problem(document, path, path + "." + field + " is required");
			return false;
		}
		return true;
	}

	private void oneOf(ManifestFiles.Document document, Map<?, ?> spec, String field, List<String> allowed,
			boolean required) {
		oneOf(document, spec, "spec", field, allowed, required);
	}

	private boolean oneOf(ManifestFiles.Document document, Map<?, ?> fields, String path, String field,
			List<String> allowed, boolean required) {
		Object value = fields.get(field);
		if ((value == null && required) || (value != null && !isOneOf(allowed, value))) {
			problem(document, value == null ? path : path + "." + field,
					path + "." + field + " must be one of " + String.join(", ", allowed));
			return false;
		}
		return value != null;
	}

	private void reference(ManifestFiles.Document document, String path, String kind, Object name) {
		if (name == null || !this.declared.contains(kind + "/" + name)) {
			problem(document, path, "refers to " + kind + " '" + name + "', which no given file declares");
		}
	}

	private void problem(ManifestFiles.Document document, String path, String message) {
		this.problems.add(document.where(path) + ": " + message);
	}

	private static List<?> items(Object value) {
		return value instanceof List<?> list ? list : List.of();
	}

	private static boolean isPositiveDuration(Object value) {
		try {
			Duration duration = Duration.parse(value.toString());
			return !duration.isNegative() && !duration.isZero();
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static Duration parseDuration(Object value) {
		try {
			return Duration.parse(value.toString());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean isHttpUrl(Object value) {
		try {
			URI uri = URI.create(value.toString());
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Whether {@code name} is {@code <service>/<slo>}, the name of an SLO document. */
	static boolean isSloName(String name) {
		int slash = name == null ? -1 : name.indexOf('/');
		return slash > 0 && Validation.isName(name.substring(0, slash)) && Validation.isName(name.substring(slash + 1));
	}

	private static boolean isTime(Object value) {
		try {
			return value != null && OffsetDateTime.parse(value.toString()) != null;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static boolean isDate(Object value) {
		try {
			LocalDate.parse(value.toString());
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static boolean isDuration(Object value) {
		try {
			Duration.parse(value.toString());
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
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
