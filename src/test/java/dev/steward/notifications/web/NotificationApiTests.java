package dev.steward.notifications.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationApiTests extends ApiTest {

	private static final String SLACK = "https://hooks.slack.com/services/T000/B000/very-secret-token";

	@Test
	void everyUserHasTheImplicitDefaultEmailAndIsEmailedAtOnceWithoutRules() {
		String ana = user();
		assertThat(methods(ana))
			.containsExactly(Map.of("name", "default", "type", "email", "address", ana + "@example.com"));
		JsonNode rules = ok(this.api.get(rules(ana))).json().path("rules");
		assertThat(rules).hasSize(1);
		assertThat(rules.get(0).path("after").asString()).isEqualTo("PT0S");
		assertThat(rules.get(0).path("contactMethod").asString()).isEqualTo("default");
		assertThat(rules.get(0).path("urgency").isNull()).isTrue();
	}

	@Test
	void contactMethodsAreCreatedReplacedListedAndDeleted() {
		String ana = user();
		Reply created = created(this.api.put(method(ana, "phone"),
				Map.of("type", "webhook", "address", "https://pager.example.com/hooks/abc?token=secret")));
		assertThat(created.header("Location")).hasValue(method(ana, "phone"));
		assertThat(created.json().path("address").asString()).isEqualTo("https://pager.example.com/…");
		Reply replaced = ok(this.api.put(method(ana, "phone"), Map.of("type", "slack", "address", SLACK)));
		assertThat(replaced.json().path("type").asString()).isEqualTo("slack");
		created(this.api.put(method(ana, "work"), Map.of("type", "email", "address", "ana@work.example.com")));

		assertThat(methods(ana)).containsExactly(
				Map.of("name", "default", "type", "email", "address", ana + "@example.com"),
				Map.of("name", "phone", "type", "slack", "address", "https://hooks.slack.com/…"),
				Map.of("name", "work", "type", "email", "address", "ana@work.example.com"));
		assertThat(this.api.get("/api/v1/audit?target=" + ana + "/contact-methods/phone").body())
			.contains("contact-method.created", "contact-method.updated")
			.doesNotContain("very-secret-token", "token=secret");

		assertThat(this.api.delete(method(ana, "phone")).status()).isEqualTo(204);
		problem(this.api.delete(method(ana, "phone")), 404, null);
		assertThat(methods(ana)).extracting(method -> method.get("name")).containsExactly("default", "work");
	}

	@Test
	void anOwnDefaultMethodReplacesTheImplicitOneUntilItIsDeleted() {
		String ana = user();
		created(this.api.put(method(ana, "default"), Map.of("type", "webhook", "address", "http://10.0.0.7/hook")));
		ok(this.api.put(rules(ana), Map.of("rules", List.of(Map.of("after", "PT0M", "contactMethod", "default")))));
		assertThat(methods(ana))
			.containsExactly(Map.of("name", "default", "type", "webhook", "address", "http://10.0.0.7/…"));
		assertThat(this.api.delete(method(ana, "default")).status()).isEqualTo(204);
		assertThat(methods(ana))
			.containsExactly(Map.of("name", "default", "type", "email", "address", ana + "@example.com"));
		problem(this.api.delete(method(ana, "default")), 404, null);
	}

	@Test
	void rulesAreReplacedAsAWholeAndAudited() {
		String ana = user();
		created(this.api.put(method(ana, "phone"),
				Map.of("type", "webhook", "address", "https://pager.example.com/a")));
		List<Map<String, String>> wanted = List.of(Map.of("after", "PT0M", "contactMethod", "phone"),
				Map.of("after", "PT5M", "contactMethod", "default", "urgency", "high"),
				Map.of("after", "PT1H", "contactMethod", "default", "urgency", "low"));
		JsonNode answered = ok(this.api.put(rules(ana), Map.of("rules", wanted))).json();
		assertThat(answered).isEqualTo(ok(this.api.get(rules(ana))).json());
		assertThat(answered.path("rules").findValuesAsString("after")).containsExactly("PT0S", "PT5M", "PT1H");
		assertThat(answered.path("rules").findValuesAsString("contactMethod")).containsExactly("phone", "default",
				"default");
		assertThat(answered.path("rules").get(1).path("urgency").asString()).isEqualTo("high");
		assertThat(this.api.get("/api/v1/audit?target=" + ana + "/notification-rules").body())
			.contains("notification-rules.updated");

		problem(this.api.delete(method(ana, "phone")), 409, null);
		ok(this.api.put(rules(ana), Map.of("rules", List.of())));
		assertThat(ok(this.api.get(rules(ana))).json().path("rules").findValuesAsString("contactMethod"))
			.containsExactly("default");
		assertThat(this.api.delete(method(ana, "phone")).status()).isEqualTo(204);
	}

	@Test
	void badContactMethodsAreRefusedAndNothingIsStored() {
		String ana = user();
		problem(this.api.put(method(ana, "work"), Map.of("type", "email", "address", "not an address")), 400,
				"address");
		problem(this.api.put(method(ana, "hook"), Map.of("type", "webhook", "address", "ftp://example.com/x")), 400,
				"address");
		problem(this.api.put(method(ana, "hook"), Map.of("type", "slack", "address", "hooks.slack.com/services")), 400,
				"address");
		problem(this.api.put(method(ana, "hook"), Map.of("type", "webhook", "address", "https://user:pw@example.com/")),
				400, "address");
		problem(this.api.put(method(ana, "pager"), Map.of("type", "sms", "address", "+491234")), 400, "type");
		problem(this.api.put(method(ana, "pager"), Map.of("type", "email")), 400, "address");
		problem(this.api.put(method(ana, "Not_A_Name"), Map.of("type", "email", "address", "a@example.com")), 400,
				"name");
		problem(this.api.put(method("nobody-" + ana, "work"), Map.of("type", "email", "address", "a@example.com")), 404,
				null);
		assertThat(methods(ana)).extracting(method -> method.get("name")).containsExactly("default");
	}

	@Test
	void badRulesAreRefusedAndTheOldRulesStay() {
		String ana = user();
		List<Map<String, String>> good = List.of(Map.of("after", "PT1M", "contactMethod", "default"));
		ok(this.api.put(rules(ana), Map.of("rules", good)));
		JsonNode before = ok(this.api.get(rules(ana))).json();

		refused(ana, rule("PT0M", "pager", null), "rules[0].contactMethod");
		refused(ana, rule("-PT5M", "default", null), "rules[0].after");
		refused(ana, rule("P2D", "default", null), "rules[0].after");
		refused(ana, rule("five minutes", "default", null), "rules[0].after");
		refused(ana, rule("PT0M", "default", "critical"), "rules[0].urgency");
		refused(ana, rule(null, null, null), "rules[0].contactMethod");
		problem(this.api.put(rules(ana), Map.of("rules", List.of(rule("PT0M", "default", "high")))), 400, "rules");
		problem(this.api.put(rules(ana), "{\"rules\": [{\"after\": \"PT0M\", \"contactMethod\": \"default\"}, null]}"),
				400, "rules[1]");

		assertThat(ok(this.api.get(rules(ana))).json()).isEqualTo(before);
		assertThat(this.api.get("/api/v1/audit?target=" + ana + "/notification-rules").json().path("items")).hasSize(1);
	}

	@Test
	void onlyTheUserThemselfOrAnAdministratorChangesTheirSettings() {
		String ana = user();
		String ben = user();
		Reply token = created(this.api.post("/api/v1/users/" + ben + "/tokens",
				Map.of("name", "ben", "scopes", List.of("read", "write"))));
		var asBen = this.api.withToken(token.json().path("token").asString());
		problem(asBen.put(method(ana, "hook"), Map.of("type", "webhook", "address", "https://evil.example.com/")), 403,
				null);
		problem(asBen.put(rules(ana), Map.of("rules", List.of())), 403, null);
		assertThat(asBen.get("/api/v1/users/" + ana + "/contact-methods").status()).isEqualTo(200);
		created(asBen.put(method(ben, "hook"), Map.of("type", "webhook", "address", "https://ben.example.com/")));
		assertThat(methods(ana)).extracting(method -> method.get("name")).containsExactly("default");
	}

	private void refused(String user, Map<String, String> rule, String field) {
		problem(this.api.put(rules(user), Map.of("rules", List.of(rule))), 400, field);
	}

	private static Map<String, String> rule(String after, String contactMethod, String urgency) {
		Map<String, String> rule = new HashMap<>();
		rule.put("after", after);
		rule.put("contactMethod", contactMethod);
		rule.put("urgency", urgency);
		return rule;
	}

	private List<Map<String, String>> methods(String user) {
		JsonNode items = ok(this.api.get("/api/v1/users/" + user + "/contact-methods")).json().path("items");
		return items.valueStream()
			.map(item -> Map.of("name", item.path("name").asString(), "type", item.path("type").asString(), "address",
					item.path("address").asString()))
			.toList();
	}

	private static String method(String user, String name) {
		return "/api/v1/users/" + user + "/contact-methods/" + name;
	}

	private static String rules(String user) {
		return "/api/v1/users/" + user + "/notification-rules";
	}

}
