package dev.steward.manifests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static dev.steward.manifests.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

/** A user's contact methods and notification rules declared in their User document. */
class ApplyNotificationSettingsTests extends ApiTest {

	@Test
	void declaredContactMethodsAndRulesAreAppliedThenUnchangedAndAnExportedMaskedWebhookKeepsItsSecret() {
		String user = unique("user");
		String secretHook = "https://hooks.example.com/services/T000/B000/s3cr3t";
		Map<String, Object> spec = userSpec(user,
				List.of(Map.of("name", "pager", "type", "webhook", "address", secretHook)),
				List.of(Map.of("after", "PT0M", "contactMethod", "default"),
						Map.of("after", "PT5M", "contactMethod", "pager", "urgency", "high")));
		JsonNode first = ok(apply(List.of(document("User", user, spec)))).json();
		assertThat(first.path("plan").get(0).path("action").asString()).isEqualTo("create");
		JsonNode methods = ok(this.api.get("/api/v1/users/" + user + "/contact-methods")).json().path("items");
		assertThat(methods.findValuesAsString("name")).containsExactly("default", "pager");
		assertThat(ok(this.api.get("/api/v1/users/" + user + "/notification-rules")).json().path("rules")).hasSize(2);

		assertThat(
				ok(apply(List.of(document("User", user, spec)))).json().path("plan").get(0).path("action").asString())
			.isEqualTo("unchanged");
		String shown = methods.get(1).path("address").asString();
		assertThat(shown).doesNotContain("s3cr3t");
		Map<String, Object> exported = userSpec(user,
				List.of(Map.of("name", "pager", "type", "webhook", "address", shown)),
				List.of(Map.of("after", "PT0S", "contactMethod", "default"),
						Map.of("after", "PT5M", "contactMethod", "pager", "urgency", "high")));
		assertThat(ok(apply(List.of(document("User", user, exported)))).json()
			.path("plan")
			.get(0)
			.path("action")
			.asString()).isEqualTo("unchanged");

		Map<String, Object> emailOnly = userSpec(user, List.of(), List.of());
		JsonNode changed = ok(apply(List.of(document("User", user, emailOnly)))).json().path("plan").get(0);
		assertThat(changed.path("changes").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("contactMethods", "notificationRules");
		assertThat(ok(this.api.get("/api/v1/users/" + user + "/contact-methods")).json()
			.path("items")
			.findValuesAsString("name")).containsExactly("default");
		assertThat(ok(apply(List.of(document("User", user, emailOnly)))).json()
			.path("plan")
			.get(0)
			.path("action")
			.asString()).isEqualTo("unchanged");
	}

	@Test
	void aMaskedAddressForANewMethodOrARuleNamingNoMethodIsRefusedAndNothingIsStored() {
		String user = unique("user");
		problem(apply(List.of(document("User", user,
				userSpec(user,
						List.of(Map.of("name", "pager", "type", "webhook", "address", "https://hooks.example.com/…")),
						List.of())))),
				400, null);
		problem(apply(List.of(document("User", user,
				userSpec(user, List.of(), List.of(Map.of("after", "PT0M", "contactMethod", "nowhere")))))), 400, null);
		problem(this.api.get("/api/v1/users/" + user), 404, null);
	}

	private Reply apply(List<Map<String, Object>> documents) {
		return this.api.post("/api/v1/apply", Map.of("documents", documents));
	}

	private static Map<String, Object> userSpec(String user, List<Map<String, Object>> methods,
			List<Map<String, Object>> rules) {
		Map<String, Object> spec = new HashMap<>(
				Map.of("displayName", "User " + user, "email", user + "@example.com", "timeZone", "UTC"));
		spec.put("contactMethods", methods);
		spec.put("notificationRules", rules);
		return spec;
	}

}
