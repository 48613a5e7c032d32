package dev.steward.access;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed authentications from one address are limited per minute, then answered with 429
 * and Retry-After.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"steward.security.token-failures-per-minute=3", "steward.security.sign-in-failures-per-minute=3",
		"spring.datasource.url=jdbc:h2:mem:rate-limit-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class RateLimitTests {

	@LocalServerPort
	int port;

	@Test
	void tokenFailuresAreLimited() {
		ApiClient wrong = new ApiClient("http://127.0.0.1:" + this.port, "stw_wrong");
		for (int i = 0; i < 3; i++) {
			assertThat(wrong.get("/api/v1/services").status()).isEqualTo(401);
		}
		Reply limited = wrong.get("/api/v1/services");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
		assertThat(limited.body()).doesNotContain("stw_wrong");
	}

	@Test
	void signInFailuresAreLimited() throws Exception {
		WebSignIn web = new WebSignIn("http://127.0.0.1:" + this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(WebSignIn.location(web.signIn("nobody", "wrong password"))).endsWith("/login?error");
		}
		HttpResponse<String> limited = web.signIn("nobody", "wrong password");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
	}

}
