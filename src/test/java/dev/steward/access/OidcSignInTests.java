package dev.steward.access;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiTest;
import oidcprovider.TestOidcProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect sign-in against a real provider started for the test: the provider's
 * person becomes the Steward user named by the configured claim; a person Steward does
 * not know is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class OidcSignInTests {

	private static final int STEWARD_PORT = TestOidcProvider.freePort();

	private static final int PROVIDER_PORT = TestOidcProvider.freePort();

	private static final String USER = "oidc-ada-" + STEWARD_PORT;

	private static final ConfigurableApplicationContext provider = TestOidcProvider.start(PROVIDER_PORT, USER,
			"provider password", STEWARD_PORT);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?value=\"([^\"]+)\"");

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		String registration = "spring.security.oauth2.client.registration.test.";
		registry.add("server.port", () -> STEWARD_PORT);
		registry.add(registration + "client-id", () -> TestOidcProvider.CLIENT_ID);
		registry.add(registration + "client-secret", () -> TestOidcProvider.CLIENT_SECRET);
		registry.add(registration + "client-name", () -> "Test identity provider");
		registry.add(registration + "scope", () -> "openid,profile");
		registry.add(registration + "provider", () -> "test");
		registry.add("spring.security.oauth2.client.provider.test.issuer-uri",
				() -> "http://localhost:" + PROVIDER_PORT);
		registry.add("steward.oidc.username-claim", () -> "sub");
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void providerSignInBecomesTheStewardUserOfTheSameName() throws Exception {
		ApiClient admin = new ApiClient("http://127.0.0.1:" + STEWARD_PORT, ApiTest.ADMIN_TOKEN);
		if (admin.get("/api/v1/users/" + USER).status() == 404) {
			assertThat(signInThroughProvider().uri().toString()).as("a person Steward does not know is refused")
				.endsWith("/login?error");
			assertThat(admin
				.post("/api/v1/users", Map.of("name", USER, "displayName", "Ada", "email", "ada@example.com",
						"timeZone", "Europe/London"))
				.status()).isEqualTo(201);
		}
		HttpResponse<String> landed = signInThroughProvider();
		assertThat(landed.uri().toString()).isEqualTo("http://127.0.0.1:" + STEWARD_PORT + "/services");
		assertThat(landed.statusCode()).isEqualTo(200);
		assertThat(landed.body()).contains(USER);
	}

	/**
	 * Walks the authorization-code flow like a browser and answers the page it ends on at
	 * Steward.
	 */
	private HttpResponse<String> signInThroughProvider() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String signInPage = browser
			.send(get("http://127.0.0.1:" + STEWARD_PORT + "/login"), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(signInPage).contains("Test identity provider").contains("/oauth2/authorization/test");
		HttpResponse<String> providerLogin = browser.send(
				get("http://127.0.0.1:" + STEWARD_PORT + "/oauth2/authorization/test"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(providerLogin.uri().toString()).startsWith("http://localhost:" + PROVIDER_PORT + "/login");
		return browser.send(HttpRequest.newBuilder(providerLogin.uri())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(USER) + "&password="
					+ encode("provider password") + "&_csrf=" + encode(csrf(providerLogin.body()))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("the provider's sign-in form carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
