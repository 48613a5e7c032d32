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
