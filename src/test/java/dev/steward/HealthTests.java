package dev.steward;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes a load balancer or Kubernetes asks, and what health shows to whom, on a
 * healthy node without a mail server.
 */
class HealthTests extends ApiTest {

	private ApiClient anonymous() {
		return this.api.withToken(null);
	}

	@Test
	void livenessAndReadinessAreUpWhileTheDatabaseAnswers() {
		Reply liveness = ok(anonymous().get("/actuator/health/liveness"));
		assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
		assertThat(liveness.json().path("components").propertyNames()).containsExactly("livenessState");

		Reply readiness = ok(anonymous().get("/actuator/health/readiness"));
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
		assertThat(readiness.json().path("components").propertyNames()).containsExactlyInAnyOrder("db",
				"readinessState");
	}

	@Test
	void everyoneSeesTheComponentsAndOnlyTokenHoldersTheirDetails() {
		JsonNode open = ok(anonymous().get("/actuator/health")).json();
		assertThat(open.path("status").asString()).isEqualTo("UP");
		assertThat(open.path("components").propertyNames()).contains("db", "mail", "livenessState", "readinessState");
		assertThat(open.path("components").path("db").has("details")).isFalse();

		JsonNode detailed = ok(this.api.get("/actuator/health")).json();
		assertThat(detailed.path("components").path("db").path("details").path("database").asString()).isNotBlank();
		JsonNode mail = detailed.path("components").path("mail");
		assertThat(mail.path("status").asString()).as("no mail server: shown, but not down").isEqualTo("UNKNOWN");
		assertThat(mail.path("details").path("server").asString()).startsWith("not configured");
	}

}
