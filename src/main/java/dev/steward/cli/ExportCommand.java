package dev.steward.cli;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code steward export -o DIR}: writes the server's catalog as files that {@code apply}
 * takes back unchanged.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = "Write the current catalog as YAML files (users, teams, products, services, schedules, "
				+ "escalation policies, environments, deployment windows, SLOs, APIs, datastores) that 'steward apply' "
				+ "takes back unchanged.")
class ExportCommand implements Callable<Integer> {

	@Option(names = { "-o", "--output" }, defaultValue = ".", description = "Directory to write to (default: .).")
	Path output;

	@Mixin
	ServerConnection server;

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Integer call() {
		try {
			Files.createDirectories(this.output);
			List<JsonNode> policies = all("/api/v1/escalation-policies");
			Map<String, String> policyOfService = new HashMap<>();
			policies.forEach(policy -> policy.path("services")
				.forEach(service -> policyOfService.put(service.asString(), policy.path("name").asString())));
			List<JsonNode> users = all("/api/v1/users");
			Map<String, Map<String, Object>> notificationSettings = new HashMap<>();
			for (JsonNode user : users) {
				notificationSettings.put(user.path("name").asString(), notificationSettings(user));
			}
			write("users.yaml", "User", users, user -> {
				Map<String, Object> spec = fields(user, "displayName", "email", "timeZone");
				spec.putAll(notificationSettings.get(user.path("name").asString()));
				return spec;
			});
			write("teams.yaml", "Team", all("/api/v1/teams"), this::team);
			write("products.yaml", "Product", all("/api/v1/products"),
					product -> fields(product, "title", "description"));
			List<JsonNode> services = all("/api/v1/services");
			write("services.yaml", "Service", services, service -> service(service, policyOfService));
			write("schedules.yaml", "Schedule", all("/api/v1/schedules"), this::schedule);
			write("escalation-policies.yaml", "EscalationPolicy", policies, this::policy);
			write("environments.yaml", "Environment", all("/api/v1/environments"),
					environment -> fields(environment, "title", "kind", "order", "promotionRequired", "description"));
			write("windows.yaml", "Window", all("/api/v1/windows"), window -> fields(window, "title", "scope",
					"environments", "kind", "schedule", "duration", "start", "end", "timeZone", "reason"));
			List<JsonNode> slos = new ArrayList<>();
			for (JsonNode service : services) {
				fetch("/api/v1/services/" + service.path("name").asString() + "/slos").path("items").forEach(slos::add);
			}
			writeDocuments("slos.yaml", "SLO", slos,
					slo -> slo.path("service").asString() + "/" + slo.path("name").asString(), this::slo);
			write("apis.yaml", "Api", all("/api/v1/apis"), this::api);
			write("datastores.yaml", "Datastore", all("/api/v1/datastores"), this::datastore);
			System.out.println("Exported the catalog to " + this.output);
			return ExitCodes.OK;
		}
		catch (ServerAnswer ex) {
			System.err.println(ex.getMessage());
			return ex.refused() ? ExitCodes.REFUSED : ExitCodes.ERROR;
		}
		catch (IOException ex) {
			System.err.println("Cannot export from " + this.server.server + ": " + ex.getMessage());
			return ExitCodes.ERROR;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ExitCodes.ERROR;
		}
	}

	/**
	 * A user's contact methods and notification rules, each only where it differs from
	 * what every user has without settings (email to their address, at once); webhook
	 * addresses come as shown, without their secret path, which apply keeps as stored.
	 */
	private Map<String, Object> notificationSettings(JsonNode user) throws IOException, InterruptedException {
		String name = user.path("name").asString();
		Map<String, Object> settings = new LinkedHashMap<>();
		List<Map<String, Object>> methods = each(fetch("/api/v1/users/" + name + "/contact-methods").path("items"),
				method -> fields(method, "name", "type", "address"));
		boolean onlyImplicit = methods.size() == 1 && "default".equals(methods.get(0).get("name"))
				&& user.path("email").asString().equals(methods.get(0).get("address"));
		if (!onlyImplicit) {
			settings.put("contactMethods", methods);
		}
		List<Map<String, Object>> rules = each(fetch("/api/v1/users/" + name + "/notification-rules").path("rules"),
				rule -> fields(rule, "after", "contactMethod", "urgency"));
		boolean defaultRules = rules.size() == 1 && "default".equals(rules.get(0).get("contactMethod"))
				&& rules.get(0).get("urgency") == null && "PT0S".equals(rules.get(0).get("after"));
		if (!defaultRules) {
			settings.put("notificationRules", rules);
		}
		return settings;
	}

	private Map<String, Object> team(JsonNode team) {
		Map<String, Object> spec = fields(team, "title", "kind", "email", "chat", "parent");
		List<Map<String, Object>> members = each(team.path("members"), member -> fields(member, "user", "role"));
		if (!members.isEmpty()) {
			spec.put("members", members);
		}
		return spec;
	}

	private Map<String, Object> service(JsonNode service, Map<String, String> policyOfService)
			throws IOException, InterruptedException {
		String name = service.path("name").asString();
		Map<String, Object> spec = fields(service, "title", "description", "owner", "tier", "lifecycle", "product",
				"responsibilities", "links", "tags");
		List<Map<String, Object>> dependencies = new ArrayList<>();
		for (JsonNode dependency : fetch("/api/v1/services/" + name + "/dependencies").path("items")) {
			Map<String, Object> edge = new LinkedHashMap<>();
			edge.put("service", dependency.path("provider").asString());
			edge.put("criticality", dependency.path("criticality").asString());
			dependencies.add(edge);
		}
		if (!dependencies.isEmpty()) {
			spec.put("dependencies", dependencies);
		}
		Map<String, Object> delegations = new LinkedHashMap<>();
		for (JsonNode row : fetch("/api/v1/services/" + name + "/responsibilities").path("items")) {
			if (!"owner".equals(row.path("status").asString())) {
				delegations.put(row.path("aspect").asString(), row.path("handledBy").asString());
			}
		}
		if (!delegations.isEmpty()) {
			spec.put("delegations", delegations);
		}
		if (policyOfService.containsKey(name)) {
			spec.put("escalationPolicy", policyOfService.get(name));
		}
		return spec;
	}

	/**
	 * A schedule's spec; each layer without the fields it leaves empty or at their
	 * defaults.
	 */
	private Map<String, Object> schedule(JsonNode schedule) {
		Map<String, Object> spec = fields(schedule, "title", "description", "team", "timeZone");
		spec.put("layers", each(schedule.path("layers"), layer -> {
			Map<String, Object> fields = fields(layer, "name", "start", "end", "rotationVirtualStart", "turnLength",
					"users");
			if (layer.path("rotationVirtualStart").equals(layer.path("start"))) {
				fields.remove("rotationVirtualStart");
			}
			List<Map<String, Object>> restrictions = each(layer.path("restrictions"),
					restriction -> fields(restriction, "type", "startTimeOfDay", "duration", "startDayOfWeek"));
			if (!restrictions.isEmpty()) {
				fields.put("restrictions", restrictions);
			}
			return fields;
		}));
		return spec;
	}

	/**
	 * An SLO's spec; a window of whole days is written in days ({@code P30D}), as people
	 * write it, where Steward answers in hours.
	 */
	private Map<String, Object> slo(JsonNode slo) {
		Map<String, Object> spec = fields(slo, "title", "indicator", "objective", "window", "latencyThreshold",
				"description", "prometheus");
		Duration window = Duration.parse(slo.path("window").asString());
		if (window.toHoursPart() == 0 && window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
			spec.put("window", "P" + window.toDays() + "D");
		}
		return spec;
	}

	/**
	 * An API's spec with every version oldest first, each with its contract inline, and
	 * its consumers.
	 */
	private Map<String, Object> api(JsonNode api) throws IOException, InterruptedException {
		String path = "/api/v1/apis/" + api.path("name").asString();
		Map<String, Object> spec = fields(api, "service", "visibility", "type", "description", "documentation");
		List<Map<String, Object>> versions = new ArrayList<>();
		for (JsonNode listed : oldestFirst(fetch(path + "/versions").path("items"))) {
			versions.add(fields(fetch(path + "/versions/" + listed.path("version").asString()), "version", "status",
					"sunset", "spec"));
		}
		putIfAny(spec, "versions", versions);
		putIfAny(spec, "consumers",
				each(fetch(path + "/consumers").path("items"), consumer -> fields(consumer, "service", "major")));
		return spec;
	}

	/**
	 * A datastore's spec with every schema version oldest first, each with its document
	 * inline, and the services with direct access.
	 */
	private Map<String, Object> datastore(JsonNode datastore) throws IOException, InterruptedException {
		String path = "/api/v1/datastores/" + datastore.path("name").asString();
		Map<String, Object> spec = fields(datastore, "owner", "kind", "classification", "pii", "retentionDays",
				"backupPolicy");
		Map<String, Object> patterns = fields(datastore.path("accessPatterns"), "readsPerSecond", "writesPerSecond",
				"description");
		if (!patterns.isEmpty()) {
			spec.put("accessPatterns", patterns);
		}
		spec.putAll(fields(datastore, "description"));
		List<Map<String, Object>> schemas = new ArrayList<>();
		for (JsonNode listed : oldestFirst(fetch(path + "/schemas").path("items"))) {
			schemas.add(fields(
					fetch(path + "/schemas/" + listed.path("name").asString() + "/versions/"
							+ URLEncoder.encode(listed.path("version").asString(), StandardCharsets.UTF_8)),
					"name", "version", "appliedAt", "document"));
		}
		putIfAny(spec, "schemas", schemas);
		putIfAny(spec, "access",
				each(fetch(path + "/access").path("items"), access -> fields(access, "service", "mode", "note")));
		return spec;
	}

	private static List<JsonNode> oldestFirst(JsonNode newestFirst) {
		List<JsonNode> items = new ArrayList<>();
		newestFirst.forEach(item -> items.add(0, item));
		return items;
	}

	private static void putIfAny(Map<String, Object> spec, String field, List<Map<String, Object>> items) {
		if (!items.isEmpty()) {
			spec.put(field, items);
		}
	}

	private Map<String, Object> policy(JsonNode policy) {
		Map<String, Object> spec = fields(policy, "title", "description", "team", "repeat");
		spec.put("levels", each(policy.path("levels"), level -> {
			Map<String, Object> fields = fields(level, "delay");
			fields.put("targets", each(level.path("targets"), target -> fields(target, "type", "name")));
			return fields;
		}));
		return spec;
	}

	private static List<Map<String, Object>> each(JsonNode array, Function<JsonNode, Map<String, Object>> mapping) {
		List<Map<String, Object>> mapped = new ArrayList<>();
		array.forEach(item -> mapped.add(mapping.apply(item)));
		return mapped;
	}

	/**
	 * The named fields of a resource as plain values, leaving out what is absent or
	 * empty.
	 */
	private Map<String, Object> fields(JsonNode resource, String... names) {
		Map<String, Object> spec = new LinkedHashMap<>();
		for (String name : names) {
			JsonNode value = resource.path(name);
			if (!value.isMissingNode() && !value.isNull() && !(value.isContainer() && value.isEmpty())) {
				spec.put(name, this.json.treeToValue(value, Object.class));
			}
		}
		return spec;
	}

	private List<JsonNode> all(String path) throws IOException, InterruptedException {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = fetch(path + "?limit=500"
					+ (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
			page.path("items").forEach(items::add);
			cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
		}
		while (cursor != null);
		return items;
	}

	private JsonNode fetch(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.server.get(path);
		if (response.statusCode() != 200) {
			throw new ServerAnswer(response.statusCode(), path);
		}
		return this.json.readTree(response.body());
	}

	private void write(String file, String kind, List<JsonNode> resources, SpecOf spec)
			throws IOException, InterruptedException {
		writeDocuments(file, kind, resources, resource -> resource.path("name").asString(), spec);
	}

	private void writeDocuments(String file, String kind, List<JsonNode> resources, Function<JsonNode, String> name,
			SpecOf spec) throws IOException, InterruptedException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (JsonNode resource : resources) {
			documents.add(ManifestWriter.document(kind, name.apply(resource), spec.of(resource)));
		}
		ManifestWriter.write(this.output.resolve(file), documents);
	}

	/** Builds a document's spec from a resource; may call the server again. */
	@FunctionalInterface
	private interface SpecOf {

		Map<String, Object> of(JsonNode resource) throws IOException, InterruptedException;

	}

	/** A non-200 answer from the server while exporting. */
	private static final class ServerAnswer extends IOException {

		private final int status;

		ServerAnswer(int status, String path) {
			super("Steward answered " + status + " to GET " + path);
			this.status = status;
		}

		boolean refused() {
			return this.status == 401 || this.status == 403;
		}

	}

}
