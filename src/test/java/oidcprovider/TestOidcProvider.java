package oidcprovider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider (Spring Authorization Server, configured by Boot's
 * properties) for tests: one user and one client whose redirect URI points at Steward. It
 * lives outside {@code dev.steward} so Steward's component scan never sees it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestOidcProvider {

	public static final String CLIENT_ID = "steward";

	public static final String CLIENT_SECRET = "steward-client-secret";

	/**
	 * Starts the provider on {@code port}, with {@code user}/{@code password}, for a
	 * Steward on {@code stewardPort}.
	 */
	public static ConfigurableApplicationContext start(int port, String user, String password, int stewardPort) {
		String client = "spring.security.oauth2.authorizationserver.client.steward.";
		return new SpringApplicationBuilder(TestOidcProvider.class)
			.properties("spring.config.name=test-oidc-provider", "server.port=" + port,
					"spring.security.oauth2.authorizationserver.issuer=http://localhost:" + port,
					"spring.security.user.name=" + user, "spring.security.user.password=" + password,
					client + "registration.client-id=" + CLIENT_ID,
					client + "registration.client-secret={noop}" + CLIENT_SECRET,
					client + "registration.client-authentication-methods=client_secret_basic",
					client + "registration.authorization-grant-types=authorization_code",
					client + "registration.redirect-uris=http://127.0.0.1:" + stewardPort + "/login/oauth2/code/test",
					client + "registration.scopes=openid,profile", client + "require-authorization-consent=false",
					"spring.modulith.events.jdbc.schema-initialization.enabled=false", "spring.flyway.enabled=false",
					"logging.level.root=WARN")
			.run();
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
