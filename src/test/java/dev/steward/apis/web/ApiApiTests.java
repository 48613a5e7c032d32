package dev.steward.apis.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APIs of services over HTTP: registration, versions, breaking changes, consumers.
 */
class ApiApiTests extends ApiTest {

	static final String V1 = """
			openapi: 3.0.3
			info: {title: Orders, version: 1.0.0}
			paths:
			  /orders/{id}:
			    get:
			      parameters:
			        - {name: id, in: path, required: true, schema: {type: string}}
			      responses:
			        '200':
			          description: One order
			          content:
			            application/json:
			              schema:
			                type: object
			                required: [id, total]
			                properties:
			                  id: {type: string}
			                  total: {type: number}
			""";

	/** V1 plus an optional query parameter and a new path: nothing breaks. */
	static final String V1_1 = V1.replace("version: 1.0.0", "version: 1.1.0").replace("""
			        - {name: id, in: path, required: true, schema: {type: string}}
			""", """
			        - {name: id, in: path, required: true, schema: {type: string}}
			        - {name: expand, in: query, required: false, schema: {type: boolean}}
			""") + """
			  /orders:
			    get:
			      responses:
			        '200': {description: All orders}
			""";

	/** V1 without the response property {@code total}: breaks clients that read it. */
	static final String V1_BREAKING = V1.replace("required: [id, total]", "required: [id]")
		.replace("                  total: {type: number}\n", "");

	@Autowired
	TestClock clock;

	@Test
	void registersAnApiOfAServiceAndFindsItByNameServiceAndType() {
		String service = service(team(), 2);
		Reply created = created(this.api.post("/api/v1/services/" + service + "/apis", Map.of("name", unique("orders"),
				"visibility", "external", "type", "openapi", "documentation", "https://docs.example.com/orders")));
		String name = created.json().path("name").asString();
		assertThat(created.header("Location")).hasValue("/api/v1/apis/" + name);
		assertThat(created.json().path("service").asString()).isEqualTo(service);
		assertThat(created.json().path("visibility").asString()).isEqualTo("external");
		assertThat(created.json().path("latestVersion").isNull()).isTrue();
		assertThat(ok(this.api.get("/api/v1/apis/" + name)).header("ETag")).isPresent();
		assertThat(ok(this.api.get("/api/v1/services/" + service + "/apis")).json()
			.path("items")
			.findValuesAsString("name")).containsExactly(name);
		assertThat(ok(this.api.get("/api/v1/apis?service=" + service + "&type=openapi")).json()
			.path("items")
			.findValuesAsString("name")).containsExactly(name);
		assertThat(ok(this.api.get("/api/v1/apis?service=" + service + "&type=grpc")).json().path("items").size())
			.isZero();
	}

	@Test
	void aSecondApiOfTheSameNameAnywhereConflicts() {
		String name = api(service(team(), 3));
		Reply again = this.api.post("/api/v1/services/" + service(team(), 3) + "/apis",
				Map.of("name", name, "visibility", "internal", "type", "openapi"));
		problem(again, 409, null);
	}

	@Test
	void refusesInvalidApisAndStoresNothing() {
		String service = service(team(), 3);
		String name = unique("bad");
		problem(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", name, "visibility", "public", "type", "soap")), 400, "visibility");
		problem(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", name, "visibility", "internal", "type", "soap")), 400, "type");
		problem(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", "Not A Name", "visibility", "internal", "type", "openapi")), 400, "name");
		problem(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", name, "visibility", "internal", "type", "openapi", "documentation", "ftp://docs")), 400,
				"documentation");
		problem(this.api.get("/api/v1/apis/" + name), 404, null);
		problem(this.api.post("/api/v1/services/" + unique("nowhere") + "/apis",
				Map.of("name", name, "visibility", "internal", "type", "openapi")), 404, null);
	}

	@Test
	void publishesCompatibleVersionsAndKeepsTheChangesBetweenThem() {
		String api = api(service(team(), 2));
		Reply first = created(publish(api, "1.0.0", V1));
		assertThat(first.header("Location")).hasValue("/api/v1/apis/" + api + "/versions/1.0.0");
		assertThat(first.json().path("status").asString()).isEqualTo("published");
		assertThat(first.json().path("comparedWith").isNull()).isTrue();
		Reply second = created(publish(api, "1.1.0", V1_1));
		assertThat(second.json().path("comparedWith").asString()).isEqualTo("1.0.0");
		assertThat(second.json().path("changes").findValuesAsString("type")).contains("path-added");
		assertThat(second.json().path("changes").findValues("breaking")).allMatch(node -> !node.asBoolean());
		assertThat(ok(this.api.get("/api/v1/apis/" + api)).json().path("latestVersion").asString()).isEqualTo("1.1.0");
		assertThat(ok(this.api.get("/api/v1/apis/" + api + "/versions")).json()
			.path("items")
			.findValuesAsString("version")).containsExactly("1.1.0", "1.0.0");
		Reply one = ok(this.api.get("/api/v1/apis/" + api + "/versions/1.1.0"));
		assertThat(one.json().path("spec").asString()).isEqualTo(V1_1);
		Reply spec = ok(this.api.get("/api/v1/apis/" + api + "/versions/1.0.0/spec"));
		assertThat(spec.body()).isEqualTo(V1);
		assertThat(spec.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("yaml"));
	}

	@Test
	void refusesABreakingVersionWithinAMajorNamingWhatBreaksAndStoresNothing() {
		String api = api(service(team(), 2));
		created(publish(api, "1.0.0", V1));
		Reply refused = publish(api, "1.1.0", V1_BREAKING);
		problem(refused, 409, null);
		assertThat(refused.json().path("comparedWith").asString()).isEqualTo("1.0.0");
		assertThat(refused.json().path("breakingChanges").findValuesAsString("type"))
			.contains("response-property-removed");
		assertThat(refused.json().path("breakingChanges").findValuesAsString("path"))
			.anySatisfy(path -> assertThat(path).contains("/orders/{id}").contains("total"));
		assertThat(refused.json().path("breakingChanges").findValuesAsString("message")).allMatch(m -> !m.isBlank());
		problem(this.api.get("/api/v1/apis/" + api + "/versions/1.1.0"), 404, null);
		Reply major = created(publish(api, "2.0.0", V1_BREAKING));
		assertThat(major.json().path("comparedWith").asString()).isEqualTo("1.0.0");
		assertThat(major.json().path("changes").findValuesAsString("type")).contains("response-property-removed");
	}

	@Test
	void refusesVersionsThatAreNotSemverNewOrReadable() {
		String api = api(service(team(), 3));
		problem(publish(api, "1.2", V1), 400, "version");
		problem(publish(api, "v1.0.0", V1), 400, "version");
		Reply unreadable = publish(api, "1.0.0", "openapi: 3.0.3\ninfo: [this is: not: yaml");
		problem(unreadable, 400, "spec");
		assertThat(unreadable.json().path("errors").get(0).path("message").asString())
			.startsWith("is not a readable OpenAPI");
		problem(publish(api, "1.0.0", "swagger: '2.0'\ninfo: {title: Old, version: 1.0.0}\npaths: {}\n"), 400, "spec");
		problem(this.api.post("/api/v1/apis/" + api + "/versions", Map.of("version", "1.0.0")), 400, "spec");
		assertThat(ok(this.api.get("/api/v1/apis/" + api + "/versions")).json().path("items").size()).isZero();
		created(publish(api, "1.1.0", V1));
		problem(publish(api, "1.1.0", V1_1), 409, null);
		Reply lower = publish(api, "1.0.5", V1);
		problem(lower, 409, null);
		assertThat(lower.json().path("latestVersion").asString()).isEqualTo("1.1.0");
	}

	@Test
	void aDraftIsComparedWhenItIsPublished() {
		String api = api(service(team(), 3));
		created(publish(api, "1.0.0", V1));
		Reply draft = created(this.api.post("/api/v1/apis/" + api + "/versions",
				Map.of("version", "1.1.0", "spec", V1_BREAKING, "status", "draft")));
		assertThat(draft.json().path("status").asString()).isEqualTo("draft");
		Reply refused = this.api.post("/api/v1/apis/" + api + "/versions/1.1.0/publish", null);
		problem(refused, 409, null);
		assertThat(refused.json().path("breakingChanges").size()).isPositive();
		assertThat(ok(this.api.get("/api/v1/apis/" + api + "/versions/1.1.0")).json().path("status").asString())
			.isEqualTo("draft");
		created(this.api.post("/api/v1/apis/" + api + "/versions",
				Map.of("version", "1.2.0", "spec", V1_1, "status", "draft")));
		Reply published = ok(this.api.post("/api/v1/apis/" + api + "/versions/1.2.0/publish", null));
		assertThat(published.json().path("status").asString()).isEqualTo("published");
		assertThat(published.json().path("publishedAt").isNull()).isFalse();
		Reply twice = this.api.post("/api/v1/apis/" + api + "/versions/1.2.0/publish", null);
		problem(twice, 409, null);
		assertThat(twice.json().path("currentStatus").asString()).isEqualTo("published");
	}

	@Test
	void deprecatesWithASunsetAndRetiresOnlyWhenNoConsumerIsLeftOnTheMajor() {
		String provider = service(team(), 2);
		String consumer = service(team(), 2);
		String api = api(provider);
		created(publish(api, "1.0.0", V1));
		assertThat(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)).status())
			.isEqualTo(201);
		problem(this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/retire", null), 409, null);
		problem(deprecate(api, "1.0.0", today().minusDays(1).toString()), 400, "sunset");
		problem(deprecate(api, "1.0.0", "next friday"), 400, "sunset");
		Reply deprecated = ok(deprecate(api, "1.0.0", today().plusDays(90).toString()));
		assertThat(deprecated.json().path("status").asString()).isEqualTo("deprecated");
		assertThat(deprecated.json().path("sunset").asString()).isEqualTo(today().plusDays(90).toString());
		assertThat(deprecated.json().path("pastSunset").asBoolean()).isFalse();
		Reply blocked = this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/retire", null);
		problem(blocked, 409, null);
		assertThat(blocked.json().path("consumers").get(0).asString()).isEqualTo(consumer);
		assertThat(this.api.delete("/api/v1/apis/" + api + "/consumers/" + consumer).status()).isEqualTo(204);
		Reply retired = ok(this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/retire", null));
		assertThat(retired.json().path("status").asString()).isEqualTo("retired");
		problem(deprecate(api, "1.0.0", today().plusDays(90).toString()), 409, null);
	}

	@Test
	void retiringAnOlderVersionIsFineWhileANewerOneOfTheMajorIsPublished() {
		String api = api(service(team(), 3));
		String consumer = service(team(), 3);
		created(publish(api, "1.0.0", V1));
		created(publish(api, "1.1.0", V1_1));
		assertThat(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)).status())
			.isEqualTo(201);
		ok(deprecate(api, "1.0.0", today().plusDays(1).toString()));
		ok(this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/retire", null));
	}

	@Test
	void consumersDeclareAMajorThatExists() {
		String provider = service(team(), 2);
		String consumer = service(team(), 2);
		String api = api(provider);
		problem(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)), 400, "major");
		created(publish(api, "1.0.0", V1));
		problem(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 2)), 400, "major");
		problem(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of()), 400, "major");
		problem(this.api.put("/api/v1/apis/" + api + "/consumers/" + provider, Map.of("major", 1)), 400, "service");
		problem(this.api.put("/api/v1/apis/" + api + "/consumers/" + unique("ghost"), Map.of("major", 1)), 404, null);
		assertThat(ok(this.api.get("/api/v1/apis/" + api + "/consumers")).json().path("items").size()).isZero();
		assertThat(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)).status())
			.isEqualTo(201);
		ok(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)));
		assertThat(ok(this.api.get("/api/v1/services/" + consumer + "/consumed-apis")).json()
			.path("items")
			.findValuesAsString("api")).containsExactly(api);
		problem(this.api.delete("/api/v1/apis/" + api), 409, null);
	}

	@Test
	void aConsumerLeftOnAVersionPastItsSunsetIsAViolationOnBothServices() {
		String provider = service(team(), 2);
		String consumer = service(team(), 2);
		String api = api(provider);
		created(publish(api, "1.0.0", V1));
		created(publish(api, "2.0.0", V1_BREAKING));
		assertThat(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)).status())
			.isEqualTo(201);
		ok(deprecate(api, "1.0.0", today().toString()));
		assertThat(violations(consumer)).isEmpty();
		this.clock.advance(Duration.ofDays(1));
		assertThat(ok(this.api.get("/api/v1/apis/" + api + "/versions/1.0.0")).json().path("pastSunset").asBoolean())
			.isTrue();
		for (String side : List.of(consumer, provider)) {
			List<Map<String, Object>> found = violations(side);
			assertThat(found).hasSize(1);
			assertThat(found.get(0)).containsEntry("type", "api-past-sunset")
				.containsEntry("service", consumer)
				.containsEntry("counterpart", provider)
				.containsEntry("suggestedApis", List.of(api));
			assertThat((String) found.get(0).get("detail")).contains("move to 2.0.0");
		}
		ok(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 2)));
		assertThat(violations(consumer)).isEmpty();
	}

	@Test
	void changesWhatAnApiSaysWithMergePatchAndEntityTags() {
		String api = api(service(team(), 3));
		Reply current = ok(this.api.get("/api/v1/apis/" + api));
		String etag = current.header("ETag").orElseThrow();
		Reply patched = ok(this.api.send("PATCH", "/api/v1/apis/" + api, Map.of("description", "Orders, one by one"),
				Map.of("If-Match", etag, "Content-Type", "application/merge-patch+json")));
		assertThat(patched.json().path("description").asString()).isEqualTo("Orders, one by one");
		assertThat(patched.json().path("type").asString()).isEqualTo("openapi");
		problem(this.api.send("PATCH", "/api/v1/apis/" + api, Map.of("description", "stale"),
				Map.of("If-Match", etag, "Content-Type", "application/merge-patch+json")), 412, null);
		created(publish(api, "1.0.0", V1));
		problem(this.api.patch("/api/v1/apis/" + api, Map.of("type", "graphql")), 409, null);
		assertThat(this.api.delete("/api/v1/apis/" + api).status()).isEqualTo(204);
		problem(this.api.get("/api/v1/apis/" + api + "/versions"), 404, null);
	}

	@Test
	void nonOpenApiContractsAreKeptAsTheyAre() {
		String service = service(team(), 3);
		String api = unique("events");
		created(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", api, "visibility", "internal", "type", "graphql")));
		String schema = "type Query { order(id: ID!): Order }\ntype Order { id: ID! }\n";
		created(publish(api, "1.0.0", schema));
		created(publish(api, "1.1.0", "type Query { ping: String }\n"));
		assertThat(ok(this.api.get("/api/v1/apis/" + api + "/versions/1.0.0")).json().path("spec").asString())
			.isEqualTo(schema);
	}

	private String api(String service) {
		String name = unique("orders");
		created(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", name, "visibility", "internal", "type", "openapi")));
		return name;
	}

	private Reply publish(String api, String version, String spec) {
		return this.api.post("/api/v1/apis/" + api + "/versions", Map.of("version", version, "spec", spec));
	}

	private Reply deprecate(String api, String version, String sunset) {
		return this.api.post("/api/v1/apis/" + api + "/versions/" + version + "/deprecate", Map.of("sunset", sunset));
	}

	private List<Map<String, Object>> violations(String service) {
		Reply reply = ok(this.api.get("/api/v1/violations?service=" + service));
		return JsonMapper.shared().readValue(reply.json().path("items").toString(), new TypeReference<>() {
		});
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
