package dev.steward;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTests extends ApiTest {

	@Test
	void healthIsPublic() {
		Reply reply = this.api.withToken(null).get("/actuator/health");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		Reply reply = this.api.withToken(null).get("/actuator/prometheus");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void publishesTheOpenApiDocumentOfTheContract() {
		Reply reply = this.api.withToken(null).get("/v3/api-docs");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("paths").has("/api/v1/services/{service}/transfers/{id}/accept")).isTrue();
		assertThat(reply.json().path("paths").has("/api/v1/audit")).isTrue();
		assertThat(reply.json().path("paths").propertyNames()).contains("/api/v1/schedules",
				"/api/v1/schedules/{schedule}/overrides", "/api/v1/schedules/{schedule}/final",
				"/api/v1/schedules/{schedule}/oncall", "/api/v1/schedules/{schedule}/calendar.ics",
				"/api/v1/users/{user}/calendar.ics", "/api/v1/escalation-policies",
				"/api/v1/services/{service}/escalation-policy", "/api/v1/services/{service}/oncall",
				"/api/v1/services/{service}/integration-keys", "/api/v1/events", "/integrations/pagerduty/v2/enqueue",
				"/integrations/alertmanager/{routingKey}", "/api/v1/incidents", "/api/v1/incidents/{number}",
				"/api/v1/incidents/{number}/timeline", "/api/v1/incidents/{number}/acknowledge",
				"/api/v1/incidents/{number}/resolve", "/api/v1/incidents/{number}/notes",
				"/api/v1/users/{user}/contact-methods/{name}", "/api/v1/users/{user}/notification-rules",
				"/api/v1/environments", "/api/v1/environments/{environment}", "/api/v1/windows",
				"/api/v1/windows/{window}", "/api/v1/windows/occurrences", "/api/v1/windows/blackouts.ics",
				"/api/v1/gate");
		assertThat(reply.json().path("paths").propertyNames()).contains("/api/v1/deployments",
				"/api/v1/deployments/{id}", "/api/v1/deployments/{id}/nodes/{node}", "/api/v1/deployments/{id}/verify",
				"/api/v1/deployments/{id}/fail", "/api/v1/deployments/{id}/rollback",
				"/api/v1/deployments/{id}/rolled-back", "/api/v1/deployments/{id}/hook-deliveries",
				"/api/v1/services/{service}/instances", "/api/v1/services/{service}/instances/{environment}",
				"/api/v1/services/{service}/deployment-hooks", "/api/v1/services/{service}/deployment-hooks/{hook}",
				"/api/v1/changes", "/api/v1/changes/{id}", "/api/v1/changes/{id}/submit",
				"/api/v1/changes/{id}/approve", "/api/v1/changes/{id}/start", "/api/v1/changes/{id}/complete",
				"/api/v1/changes/{id}/fail", "/api/v1/changes/{id}/cancel", "/api/v1/services/{service}/slos",
				"/api/v1/services/{service}/slos/{slo}", "/api/v1/services/{service}/slos/{slo}/samples",
				"/api/v1/services/{service}/slos/prometheus-rules");
		assertThat(reply.json().path("paths").propertyNames()).contains("/api/v1/services/{service}/monitors",
				"/api/v1/services/{service}/monitors/{monitor}", "/api/v1/services/{service}/monitoring-reviews",
				"/api/v1/services/{service}/monitoring-reviews/{id}", "/api/v1/services/{service}/monitoring",
				"/api/v1/monitoring-reviews/overdue", "/api/v1/sla-agreements", "/api/v1/sla-agreements/{id}",
				"/api/v1/sla-agreements/{id}/accept", "/api/v1/sla-agreements/{id}/counter",
				"/api/v1/sla-agreements/{id}/withdraw");
	}

	@Test
	void webPagesCarrySecurityHeaders() {
		Reply reply = this.api.withToken(null).get("/login");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
		assertThat(reply.header("X-Frame-Options")).hasValue("DENY");
		assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void webPagesNeedSignIn() {
		Reply reply = this.api.withToken(null).get("/services");
		assertThat(reply.status()).isEqualTo(302);
		assertThat(reply.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
	}

}
