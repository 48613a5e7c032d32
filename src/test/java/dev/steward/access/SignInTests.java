package dev.steward.access;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTests extends ApiTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	TestClock clock;

	private String userWithPassword() {
		String user = user();
		assertThat(this.api.put("/api/v1/users/" + user + "/password", Map.of("password", PASSWORD)).status())
			.isEqualTo(204);
		return user;
	}

	private WebSignIn web() {
		return new WebSignIn("http://127.0.0.1:" + this.port);
	}

	@Test
	void signsInWithPasswordAndOutAgain() throws Exception {
		WebSignIn web = web();
		String user = userWithPassword();
		HttpResponse<String> signedIn = web.signIn(user, PASSWORD);
		assertThat(WebSignIn.location(signedIn)).endsWith("/services");
		HttpResponse<String> page = web.get("/services");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(user);
		assertThat(web.get("/tokens").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesWrongPasswordAndUnknownUserAlike() throws Exception {
		String user = userWithPassword();
		assertThat(WebSignIn.location(web().signIn(user, "wrong password!"))).endsWith("/login?error");
		assertThat(WebSignIn.location(web().signIn("nobody-" + user, PASSWORD))).endsWith("/login?error");
	}

	@Test
	void locksTheAccountAfterRepeatedFailuresWithBackOff() throws Exception {
		String user = userWithPassword();
		for (int i = 0; i < 5; i++) {
			assertThat(WebSignIn.location(web().signIn(user, "wrong password " + i))).endsWith("/login?error");
		}
		assertThat(WebSignIn.location(web().signIn(user, PASSWORD))).endsWith("/login?locked");
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(WebSignIn.location(web().signIn(user, "wrong again"))).endsWith("/login?error");
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(WebSignIn.location(web().signIn(user, PASSWORD))).as("the second lock lasts 60 s")
			.endsWith("/login?locked");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(WebSignIn.location(web().signIn(user, PASSWORD))).endsWith("/services");
	}

	@Test
	void signsInWithAnApiTokenWhenNoUserNameIsGiven() throws Exception {
		assertThat(WebSignIn.location(web().signIn("", ADMIN_TOKEN))).endsWith("/services");
		assertThat(WebSignIn.location(web().signIn("", "stw_not-a-token"))).endsWith("/login?error");
	}

	@Test
	void formsNeedTheirCsrfToken() throws Exception {
		WebSignIn web = web();
		String user = userWithPassword();
		web.signIn(user, PASSWORD);
		HttpResponse<String> forged = web.postWithoutCsrf("/tokens", "user=" + user + "&name=forged&scope=read");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/users/" + user + "/tokens").json().path("items")).isEmpty();
	}

	@Test
	void passwordsMustBeLongEnoughAndAreNeverShown() {
		String user = user();
		problem(this.api.put("/api/v1/users/" + user + "/password", Map.of("password", "short")), 400, "password");
		problem(this.api.put("/api/v1/users/" + user + "/password", Map.of("password", "x".repeat(73))), 400,
				"password");
		assertThat(this.api.put("/api/v1/users/" + user + "/password", Map.of("password", PASSWORD)).status())
			.isEqualTo(204);
		assertThat(this.api.get("/api/v1/audit?target=" + user).body()).doesNotContain(PASSWORD)
			.contains("user.password.changed");
		assertThat(this.api.get("/api/v1/users/" + user).body()).doesNotContain(PASSWORD);
	}

}
