package dev.steward.environments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentApiTests extends ApiTest {

	private static final String ENVIRONMENTS = "/api/v1/environments";

	@Test
	void anEnvironmentIsCreatedReadReplacedPatchedAndDeleted() {
		String name = unique("env");
		int order = environmentOrder();
		Reply created = created(this.api.post(ENVIRONMENTS, Map.of("name", name, "title", "Pre-production", "kind",
				"non-production", "order", order, "description", "Last stop before production")));
		assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(name));
		JsonNode environment = created.json();
		assertThat(environment.path("kind").asString()).isEqualTo("non-production");
		assertThat(environment.path("order").asInt()).isEqualTo(order);
		assertThat(environment.path("promotionRequired").asBoolean()).as("off by default outside production").isFalse();

		Reply read = ok(this.api.get(ENVIRONMENTS + "/" + name));
		assertThat(read.json().path("title").asString()).isEqualTo("Pre-production");
		String etag = read.header("ETag").orElseThrow();

		int moved = environmentOrder();
		JsonNode replaced = ok(this.api.send("PUT", ENVIRONMENTS + "/" + name,
				Map.of("kind", "production", "order", moved), Map.of("If-Match", etag)))
			.json();
		assertThat(replaced.path("order").asInt()).isEqualTo(moved);
		assertThat(replaced.path("promotionRequired").asBoolean()).as("on by default in production").isTrue();
		assertThat(replaced.path("title").isNull()).isTrue();
		problem(this.api.send("PUT", ENVIRONMENTS + "/" + name, Map.of("kind", "production", "order", moved),
				Map.of("If-Match", etag)), 412, null);

		JsonNode patched = ok(this.api.patch(ENVIRONMENTS + "/" + name, Map.of("promotionRequired", false))).json();
		assertThat(patched.path("promotionRequired").asBoolean()).isFalse();
		assertThat(patched.path("kind").asString()).isEqualTo("production");
		problem(this.api.patch(ENVIRONMENTS + "/" + name, Map.of("name", "renamed")), 400, "name");

		assertThat(this.api.delete(ENVIRONMENTS + "/" + name).status()).isEqualTo(204);
		problem(this.api.get(ENVIRONMENTS + "/" + name), 404, null);
	}

	@Test
	void productionEnvironmentsRequirePromotionUnlessToldOtherwise() {
		String required = unique("env");
		created(this.api.post(ENVIRONMENTS,
				Map.of("name", required, "kind", "production", "order", environmentOrder())));
		assertThat(ok(this.api.get(ENVIRONMENTS + "/" + required)).json().path("promotionRequired").asBoolean())
			.isTrue();
		String optional = unique("env");
		JsonNode explicit = created(this.api.post(ENVIRONMENTS, Map.of("name", optional, "kind", "production", "order",
				environmentOrder(), "promotionRequired", false)))
			.json();
		assertThat(explicit.path("promotionRequired").asBoolean()).isFalse();
	}

	@Test
	void environmentsAreListedInPromotionOrder() {
		standardEnvironments();
		String last = unique("env");
		created(this.api.post(ENVIRONMENTS, Map.of("name", last, "kind", "production", "order", environmentOrder())));
		List<Integer> orders = new java.util.ArrayList<>();
		List<String> names = new java.util.ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = ok(this.api.get(ENVIRONMENTS + "?limit=50" + (cursor == null ? "" : "&cursor=" + cursor)))
				.json();
			page.path("items").forEach(item -> {
				orders.add(item.path("order").asInt());
				names.add(item.path("name").asString());
			});
			cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null
					: page.path("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(orders).isSorted().doesNotHaveDuplicates();
		assertThat(names.indexOf("staging")).isLessThan(names.indexOf("production"));
		assertThat(names).contains(last);
	}

	@Test
	void aNameOrAPlaceInTheOrderIsTakenOnlyOnce() {
		String name = unique("env");
		int order = environmentOrder();
		created(this.api.post(ENVIRONMENTS, Map.of("name", name, "kind", "non-production", "order", order)));
		problem(this.api.post(ENVIRONMENTS,
				Map.of("name", name, "kind", "non-production", "order", environmentOrder())), 409, null);
		String other = unique("env");
		problem(this.api.post(ENVIRONMENTS, Map.of("name", other, "kind", "non-production", "order", order)), 409,
				null);
		problem(this.api.get(ENVIRONMENTS + "/" + other), 404, null);
		String third = unique("env");
		created(this.api.post(ENVIRONMENTS,
				Map.of("name", third, "kind", "non-production", "order", environmentOrder())));
		problem(this.api.patch(ENVIRONMENTS + "/" + third, Map.of("order", order)), 409, null);
		ok(this.api.patch(ENVIRONMENTS + "/" + name, Map.of("order", order, "title", "Same place")));
	}

	@Test
	void invalidEnvironmentsAreRefusedWithTheirFieldAndNothingIsStored() {
		Map<String, Object> good = Map.of("kind", "non-production", "order", environmentOrder());
		refused(with(good, "kind", "almost-production"), "kind");
		refused(without(good, "kind"), "kind");
		refused(without(good, "order"), "order");
		refused(with(good, "order", -1), "order");
		refused(with(good, "order", 10_001), "order");
		refused(with(good, "title", "t".repeat(201)), "title");
		refused(with(good, "description", "d".repeat(2001)), "description");
		Map<String, Object> badName = new HashMap<>(good);
		badName.put("name", "Not A Name");
		problem(this.api.post(ENVIRONMENTS, badName), 400, "name");
	}

	@Test
	void anEnvironmentThatAWindowNamesCannotBeDeleted() {
		String environment = environment("non-production", false);
		String service = service(team(), 2);
		String window = unique("win");
		created(this.api.post("/api/v1/windows",
				Map.of("name", window, "scope", "service:" + service, "kind", "deny", "environments",
						List.of(environment), "start", "2031-06-01T00:00:00Z", "end", "2031-06-02T00:00:00Z",
						"timeZone", "UTC")));
		problem(this.api.delete(ENVIRONMENTS + "/" + environment), 409, null);
		ok(this.api.get(ENVIRONMENTS + "/" + environment));
		assertThat(this.api.delete("/api/v1/windows/" + window).status()).isEqualTo(204);
		assertThat(this.api.delete(ENVIRONMENTS + "/" + environment).status()).isEqualTo(204);
	}

	@Test
	void onlyAdministratorsDefineEnvironmentsButEveryoneReadsThem() {
		String user = user();
		Reply token = created(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", "cli", "scopes", List.of("read", "write"))));
		ApiClient asUser = this.api.withToken(token.json().path("token").asString());
		String name = unique("env");
		problem(asUser.post(ENVIRONMENTS, Map.of("name", name, "kind", "non-production", "order", environmentOrder())),
				403, null);
		problem(this.api.get(ENVIRONMENTS + "/" + name), 404, null);
		String existing = environment("non-production", false);
		ok(asUser.get(ENVIRONMENTS + "/" + existing));
		ok(asUser.get(ENVIRONMENTS));
		problem(asUser.patch(ENVIRONMENTS + "/" + existing, Map.of("title", "Mine")), 403, null);
		problem(asUser.delete(ENVIRONMENTS + "/" + existing), 403, null);
	}

	private void refused(Map<String, Object> body, String field) {
		String name = unique("env");
		Map<String, Object> named = new HashMap<>(body);
		named.put("name", name);
		problem(this.api.post(ENVIRONMENTS, named), 400, field);
		problem(this.api.get(ENVIRONMENTS + "/" + name), 404, null);
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(field, value);
		return copy;
	}

	private static Map<String, Object> without(Map<String, Object> body, String field) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.remove(field);
		return copy;
	}

}
