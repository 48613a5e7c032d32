package dev.steward.cli;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.apis.ApiType;
import dev.steward.apis.ApiVisibility;
import dev.steward.apis.VersionStatus;
import dev.steward.catalog.Aspect;
import dev.steward.catalog.Criticality;
import dev.steward.catalog.Lifecycle;
import dev.steward.catalog.Role;
import dev.steward.catalog.TeamKind;
import dev.steward.common.Keyed;
import dev.steward.data.AccessMode;
import dev.steward.data.Classification;
import dev.steward.environments.EnvironmentKind;
import dev.steward.slas.SloIndicator;
import dev.steward.windows.WindowKind;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published JSON Schemas are served without sign-in and stay in step with the
 * domain's values.
 */
class SchemaTests extends ApiTest {

	private JsonNode schema(String kind) {
		Reply reply = this.api.withToken(null).get("/schemas/v1/" + kind + ".schema.json");
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private static List<String> values(JsonNode node) {
		return strings(node.path("enum"));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	@Test
	void schemasAreServedAndMatchTheDomainValues() {
		JsonNode service = schema("service").path("properties").path("spec");
		assertThat(strings(service.path("required"))).contains("title", "owner", "tier");
		assertThat(values(service.path("properties").path("lifecycle"))).isEqualTo(Keyed.keys(Lifecycle.class));
		assertThat(values(service.path("properties").path("delegations").path("propertyNames")))
			.isEqualTo(Keyed.keys(Aspect.class));
		assertThat(values(
				service.path("properties").path("dependencies").path("items").path("properties").path("criticality")))
			.isEqualTo(Keyed.keys(Criticality.class));
		JsonNode team = schema("team").path("properties").path("spec").path("properties");
		assertThat(values(team.path("kind"))).isEqualTo(Keyed.keys(TeamKind.class));
		assertThat(values(team.path("members").path("items").path("properties").path("role")))
			.isEqualTo(Keyed.keys(Role.class));
		assertThat(schema("user").path("properties").path("apiVersion").path("const").asString())
			.isEqualTo(ManifestChecks.API_VERSION);
		assertThat(schema("catalog").path("oneOf")).hasSize(ManifestChecks.KINDS.size());
		assertThat(schema("product").path("properties").path("kind").path("const").asString()).isEqualTo("Product");
		assertThat(service.path("properties").path("escalationPolicy").path("type").asString()).isEqualTo("string");
	}

	@Test
	void onCallSchemasDescribeTheirKinds() {
		JsonNode schedule = schema("schedule").path("properties");
		assertThat(schedule.path("kind").path("const").asString()).isEqualTo("Schedule");
		assertThat(strings(schedule.path("spec").path("required"))).containsExactly("team", "timeZone", "layers");
		JsonNode layer = schedule.path("spec").path("properties").path("layers").path("items");
		assertThat(strings(layer.path("required"))).containsExactly("start", "turnLength", "users");
		assertThat(values(layer.path("properties").path("restrictions").path("items").path("properties").path("type")))
			.containsExactly("daily", "weekly");
		JsonNode policy = schema("escalation-policy").path("properties");
		assertThat(policy.path("kind").path("const").asString()).isEqualTo("EscalationPolicy");
		JsonNode target = policy.path("spec")
			.path("properties")
			.path("levels")
			.path("items")
			.path("properties")
			.path("targets")
			.path("items");
		assertThat(values(target.path("properties").path("type"))).containsExactly("user", "schedule");
		assertThat(schema("catalog").path("oneOf").findValuesAsString("$ref")).contains(
				"https://steward.dev/schemas/v1/schedule.schema.json",
				"https://steward.dev/schemas/v1/escalation-policy.schema.json");
	}

	@Test
	void environmentAndWindowSchemasDescribeTheirKinds() {
		JsonNode environment = schema("environment").path("properties");
		assertThat(environment.path("kind").path("const").asString()).isEqualTo("Environment");
		JsonNode environmentSpec = environment.path("spec");
		assertThat(strings(environmentSpec.path("required"))).containsExactly("kind", "order");
		assertThat(values(environmentSpec.path("properties").path("kind")))
			.isEqualTo(Keyed.keys(EnvironmentKind.class));
		assertThat(environmentSpec.path("properties").path("promotionRequired").path("type").asString())
			.isEqualTo("boolean");

		JsonNode window = schema("window").path("properties");
		assertThat(window.path("kind").path("const").asString()).isEqualTo("Window");
		JsonNode windowSpec = window.path("spec");
		assertThat(strings(windowSpec.path("required"))).containsExactly("scope", "kind", "timeZone");
		assertThat(values(windowSpec.path("properties").path("kind"))).isEqualTo(Keyed.keys(WindowKind.class));
		assertThat(windowSpec.path("oneOf")).hasSize(2);
		assertThat(strings(windowSpec.path("oneOf").get(0).path("required"))).containsExactly("schedule", "duration");
		assertThat(strings(windowSpec.path("oneOf").get(1).path("required"))).containsExactly("start", "end");
		String scope = windowSpec.path("properties").path("scope").path("pattern").asString();
		assertThat(List.of("company", "product:shop", "service:api")).allMatch(value -> value.matches(scope));
		assertThat(List.of("team:ops", "service:", "Company")).noneMatch(value -> value.matches(scope));
		assertThat(schema("catalog").path("oneOf").findValuesAsString("$ref")).contains(
				"https://steward.dev/schemas/v1/environment.schema.json",
				"https://steward.dev/schemas/v1/window.schema.json");
	}

	@Test
	void sloSchemaDescribesItsKind() {
		JsonNode slo = schema("slo").path("properties");
		assertThat(slo.path("kind").path("const").asString()).isEqualTo("SLO");
		String name = slo.path("metadata").path("properties").path("name").path("pattern").asString();
		assertThat(List.of("checkout/availability", "api/p99-latency")).allMatch(value -> value.matches(name));
		assertThat(List.of("availability", "checkout/", "a/b/c", "Checkout/x")).noneMatch(value -> value.matches(name));
		JsonNode spec = slo.path("spec");
		assertThat(strings(spec.path("required"))).containsExactly("indicator", "objective", "window");
		assertThat(values(spec.path("properties").path("indicator"))).isEqualTo(Keyed.keys(SloIndicator.class));
		assertThat(strings(spec.path("then").path("required"))).containsExactly("latencyThreshold");
		assertThat(strings(spec.path("properties").path("prometheus").path("required"))).containsExactly("url",
				"goodQuery", "totalQuery");
		assertThat(schema("catalog").path("oneOf").findValuesAsString("$ref"))
			.contains("https://steward.dev/schemas/v1/slo.schema.json");
	}

	@Test
	void apiAndDatastoreSchemasDescribeTheirKinds() {
		JsonNode api = schema("api").path("properties");
		assertThat(api.path("kind").path("const").asString()).isEqualTo("Api");
		JsonNode apiSpec = api.path("spec");
		assertThat(strings(apiSpec.path("required"))).containsExactly("service", "visibility", "type");
		assertThat(values(apiSpec.path("properties").path("visibility"))).isEqualTo(Keyed.keys(ApiVisibility.class));
		assertThat(values(apiSpec.path("properties").path("type"))).isEqualTo(Keyed.keys(ApiType.class));
		JsonNode version = apiSpec.path("properties").path("versions").path("items");
		assertThat(values(version.path("properties").path("status"))).isEqualTo(Keyed.keys(VersionStatus.class));
		assertThat(strings(version.path("oneOf").get(0).path("required"))).containsExactly("spec");
		assertThat(strings(version.path("oneOf").get(1).path("required"))).containsExactly("specFile");
		String semver = version.path("properties").path("version").path("pattern").asString();
		assertThat(List.of("1.0.0", "2.10.3-rc.1", "1.0.0+build.5")).allMatch(value -> value.matches(semver));
		assertThat(List.of("1.0", "v1.0.0", "01.0.0")).noneMatch(value -> value.matches(semver));

		JsonNode datastore = schema("datastore").path("properties");
		assertThat(datastore.path("kind").path("const").asString()).isEqualTo("Datastore");
		JsonNode datastoreSpec = datastore.path("spec");
		assertThat(strings(datastoreSpec.path("required"))).containsExactly("owner", "kind", "classification", "pii");
		assertThat(values(datastoreSpec.path("properties").path("classification")))
			.isEqualTo(Keyed.keys(Classification.class));
		assertThat(
				values(datastoreSpec.path("properties").path("access").path("items").path("properties").path("mode")))
			.isEqualTo(Keyed.keys(AccessMode.class));
		assertThat(schema("catalog").path("oneOf").findValuesAsString("$ref")).contains(
				"https://steward.dev/schemas/v1/api.schema.json",
				"https://steward.dev/schemas/v1/datastore.schema.json");
	}

}
