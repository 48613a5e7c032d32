package dev.steward.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets never reach the logs or error bodies. */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTests extends ApiTest {

	@Test
	void tokensAndPasswordsStayOutOfLogsAndErrors(CapturedOutput output) throws Exception {
		String user = user();
		String password = "an unforgettable secret";
		this.api.put("/api/v1/users/" + user + "/password", Map.of("password", password));
		Reply token = created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "ci", "scopes", List.of("read"))));
		String secret = token.json().path("token").asString();
		this.api.withToken(secret).get("/api/v1/services");
		new WebSignIn("http://127.0.0.1:" + this.port).signIn(user, "the wrong secret");
		Reply refused = this.api.put("/api/v1/users/" + user + "/password", "{\"password\": \"never-echo-this\" ");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).doesNotContain("never-echo-this");
		assertThat(output.getAll()).doesNotContain(password)
			.doesNotContain(secret)
			.doesNotContain("the wrong secret")
			.doesNotContain(ADMIN_TOKEN);
	}

}
