package dev.steward.common;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTests extends ApiTest {

	@Test
	void malformedJsonIsA400Problem() {
		problem(this.api.post("/api/v1/teams", "{\"name\": "), 400, "body");
		problem(this.api.post("/api/v1/teams", "not json at all"), 400, "body");
	}

	@Test
	void wrongTypeNamesTheField() {
		String owner = team();
		problem(this.api.post("/api/v1/services",
				"{\"name\":\"" + unique("svc") + "\",\"title\":\"x\",\"owner\":\"" + owner + "\",\"tier\":\"high\"}"),
				400, "tier");
		problem(this.api.post("/api/v1/teams", "{\"name\":\"" + unique("team")
				+ "\",\"title\":\"x\",\"kind\":\"stream\"," + "\"members\":\"everyone\"}"), 400, "members");
	}

	@Test
	void unknownFieldsAreIgnored() {
		String name = unique("team");
		Reply reply = created(this.api.post("/api/v1/teams",
				Map.of("name", name, "title", "T", "kind", "stream", "favouriteColour", "teal")));
		assertThat(reply.json().has("favouriteColour")).isFalse();
	}

	@Test
	void bodiesOverOneMebibyteAre413() {
		String huge = "{\"name\":\"x\",\"title\":\"" + "a".repeat(1_100_000) + "\"}";
		Reply reply = this.api.post("/api/v1/teams", huge);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.json().path("status").asInt()).isEqualTo(413);
	}

	@Test
	void wrongMediaTypeIs415() {
		Reply reply = this.api.send("POST", "/api/v1/teams", "name=x", Map.of("Content-Type", "text/plain"));
		assertThat(reply.status()).isEqualTo(415);
	}

	@Test
	void unknownPathIs404Problem() {
		problem(this.api.get("/api/v1/no-such-collection"), 404, null);
	}

	@Test
	void apiNeedsAValidToken() {
		Reply none = this.api.withToken(null).get("/api/v1/services");
		problem(none, 401, null);
		assertThat(none.header("WWW-Authenticate")).hasValue("Bearer");
		problem(this.api.withToken("stw_not-a-real-token").get("/api/v1/services"), 401, null);
		problem(this.api.withToken(null).post("/api/v1/teams", Map.of("name", unique("team"))), 401, null);
	}

	@Test
	void problemBodiesNeverEchoTheToken() {
		Reply reply = this.api.withToken("stw_secret-value-123").get("/api/v1/services");
		assertThat(reply.body()).doesNotContain("secret-value-123");
	}

}
