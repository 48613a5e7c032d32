package dev.steward.access;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.steward.ApiClient;
import dev.steward.TestNodes;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web sessions live in the database: two nodes on one database, a browser signed in
 * through one is signed in on the other, its forms' CSRF tokens hold on both, and signing
 * out on one ends the session on both.
 */
class ClusterSessionTests {

	private static final String PASSWORD = "one session, two nodes";

	@RegisterExtension
	final TestNodes nodes = new TestNodes();

	@Test
	void aSessionStartedOnOneNodeIsKnownToTheOtherUntilSignedOutOnEither() throws Exception {
		ConfigurableApplicationContext one = this.nodes.start();
		ConfigurableApplicationContext two = this.nodes.start();
		String user = userWithPassword(TestNodes.admin(one));

		WebSignIn onOne = new WebSignIn(TestNodes.url(one));
		WebSignIn onTwo = onOne.at(TestNodes.url(two));
		HttpResponse<String> signedIn = onOne.signIn(user, PASSWORD);
		assertThat(WebSignIn.location(signedIn)).endsWith("/services");
		assertThat(signedIn.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying(cookie -> assertThat(cookie).startsWith("STEWARD_SESSION=")
				.contains("HttpOnly")
				.contains("SameSite=Lax"));

		HttpResponse<String> pageFromTwo = onTwo.get("/services");
		assertThat(pageFromTwo.statusCode()).isEqualTo(200);
		assertThat(pageFromTwo.body()).contains(user);

		HttpResponse<String> signedOut = onOne.signOut(pageFromTwo.body());
		assertThat(WebSignIn.location(signedOut)).as("a CSRF token issued by node two holds on node one")
			.endsWith("/login?signedOut");
		assertThat(WebSignIn.location(onTwo.get("/services"))).endsWith("/login");
		assertThat(WebSignIn.location(onOne.get("/services"))).endsWith("/login");
	}

	private static String userWithPassword(ApiClient admin) {
		String user = "user-" + System.nanoTime();
		assertThat(
				admin
					.post("/api/v1/users",
							Map.of("name", user, "displayName", "User", "email", user + "@example.com", "timeZone",
									"UTC"))
					.status())
			.isEqualTo(201);
		assertThat(admin.put("/api/v1/users/" + user + "/password", Map.of("password", PASSWORD)).status())
			.isEqualTo(204);
		return user;
	}

}
