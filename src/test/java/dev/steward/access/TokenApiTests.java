package dev.steward.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TokenApiTests extends ApiTest {

	@Autowired
	TestClock clock;

	private Reply createToken(String user, List<String> scopes) {
		return created(this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "ci", "scopes", scopes)));
	}

	@Test
	void tokenIsShownOnceWithPrefixAndAtLeast32RandomBytes() {
		String user = user();
		Reply reply = createToken(user, List.of("read", "write"));
		String token = reply.json().path("token").asString();
		assertThat(token).startsWith("stw_");
		assertThat(Base64.getUrlDecoder().decode(token.substring(4))).hasSizeGreaterThanOrEqualTo(32);
		assertThat(reply.json().path("scopes").findValuesAsString("scopes")).isEmpty();
		assertThat(reply.json().path("scopes").get(1).asString()).isEqualTo("write");

		JsonNode listed = ok(this.api.get("/api/v1/users/" + user + "/tokens")).json().path("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.toString()).doesNotContain(token).doesNotContain(token.substring(4, 20));
		assertThat(listed.get(0).path("hint").asString()).isEqualTo("stw_…" + token.substring(token.length() - 4));
	}

	@Test
	void tokenAuthenticatesAsItsUserAndRecordsLastUse() {
		String user = user();
		String token = createToken(user, List.of("read")).json().path("token").asString();
		assertThat(this.api.withToken(token).get("/api/v1/services").status()).isEqualTo(200);
		JsonNode listed = this.api.get("/api/v1/users/" + user + "/tokens").json().path("items").get(0);
		assertThat(listed.path("lastUsedAt").isNull()).isFalse();
	}

	@Test
	void revocationTakesEffectAtOnce() {
		String user = user();
		Reply created = createToken(user, List.of("read"));
		ApiClient client = this.api.withToken(created.json().path("token").asString());
		assertThat(client.get("/api/v1/services").status()).isEqualTo(200);
		assertThat(
				this.api.delete("/api/v1/users/" + user + "/tokens/" + created.json().path("id").asString()).status())
			.isEqualTo(204);
		assertThat(client.get("/api/v1/services").status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/users/" + user + "/tokens")
			.json()
			.path("items")
			.get(0)
			.path("revokedAt")
			.isNull()).isFalse();
	}

	@Test
	void expiredTokenNoLongerAuthenticates() {
		String user = user();
		Instant expiry = this.clock.instant().plus(Duration.ofHours(1));
		Reply created = created(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", "short-lived", "scopes", List.of("read"), "expiresAt", expiry.toString())));
		ApiClient client = this.api.withToken(created.json().path("token").asString());
		assertThat(client.get("/api/v1/services").status()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(2));
		assertThat(client.get("/api/v1/services").status()).isEqualTo(401);
	}

	@Test
	void refusesUnknownScopesAdminScopeForNonAdminsAndPastExpiry() {
		String user = user();
		problem(this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "x", "scopes", List.of("superuser"))),
				400, "scopes[0]");
		problem(this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "x", "scopes", List.of("admin"))),
				400, "scopes[0]");
		problem(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", "x", "scopes", List.of("deploy:no-such-service"))), 400, "scopes[0]");
		problem(this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "x", "scopes", List.of())), 400,
				"scopes");
		problem(this.api.post("/api/v1/users/" + user + "/tokens",
				Map.of("name", "x", "scopes", List.of("read"), "expiresAt", "2001-01-01T00:00:00Z")), 400, "expiresAt");
		assertThat(this.api.get("/api/v1/users/" + user + "/tokens").json().path("items")).isEmpty();
	}

	@Test
	void narrowScopesNameAService() {
		String service = service(team(), 2);
		String user = user();
		Reply reply = createToken(user, List.of("events:" + service, "deploy:" + service));
		ApiClient narrow = this.api.withToken(reply.json().path("token").asString());
		assertThat(narrow.get("/api/v1/services").status()).as("narrow scopes do not read").isEqualTo(403);
	}

	@Test
	void adminsGetTheAdminScopeAndManageAnyonesTokens() {
		String admin = user();
		ok(this.api.put("/api/v1/users/" + admin + "/admin", Map.of("admin", true)));
		ApiClient adminClient = this.api
			.withToken(createToken(admin, List.of("admin")).json().path("token").asString());
		String other = user();
		Reply othersToken = created(
				adminClient.post("/api/v1/users/" + other + "/tokens", Map.of("name", "x", "scopes", List.of("read"))));
		assertThat(adminClient.delete("/api/v1/users/" + other + "/tokens/" + othersToken.json().path("id").asString())
			.status()).isEqualTo(204);
		ApiClient plain = this.api.withToken(createToken(other, List.of("write")).json().path("token").asString());
		problem(plain.post("/api/v1/users/" + admin + "/tokens", Map.of("name", "x", "scopes", List.of("read"))), 403,
				null);
	}

}
