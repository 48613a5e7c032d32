package dev.steward.audit.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient;
import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void entriesNameTheTokenAndTheClientAddress() {
		String user = user();
		Reply token = created(
				this.api.post("/api/v1/users/" + user + "/tokens", Map.of("name", "ci", "scopes", List.of("write"))));
		ApiClient client = this.api.withToken(token.json().path("token").asString());
		ok(client.patch("/api/v1/users/" + user, Map.of("timeZone", "Asia/Seoul")));
		JsonNode entry = this.api.get("/api/v1/audit?target=" + user + "&limit=1").json().path("items").get(0);
		assertThat(entry.path("actor").asString()).isEqualTo(user);
		assertThat(entry.path("tokenId").asString()).isEqualTo(token.json().path("id").asString());
		assertThat(entry.path("clientAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(entry.path("hash").asString()).hasSize(64);
	}

	@Test
	void tamperingWithAStoredEntryIsDetected() {
		String team = team();
		assertThat(ok(this.api.get("/api/v1/audit/verify")).json().path("valid").asBoolean()).isTrue();
		long id = this.api.get("/api/v1/audit?target=" + team).json().path("items").get(0).path("id").asLong();
		String original = this.jdbc.sql("select actor from audit_entries where id = ?")
			.param(id)
			.query(String.class)
			.single();
		this.jdbc.sql("update audit_entries set actor = 'someone-else' where id = ?").param(id).update();
		try {
			JsonNode verdict = ok(this.api.get("/api/v1/audit/verify")).json();
			assertThat(verdict.path("valid").asBoolean()).isFalse();
			assertThat(verdict.path("firstBrokenId").asLong()).isEqualTo(id);
		}
		finally {
			this.jdbc.sql("update audit_entries set actor = ? where id = ?").params(original, id).update();
		}
		assertThat(this.api.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
	}

	@Test
	void exportsCsvWithOneHeaderRow() {
		String team = team();
		Reply csv = this.api.send("GET", "/api/v1/audit?target=" + team, null, Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).startsWith("id,at,actor,");
		assertThat(lines[1]).contains("team.created").contains(team).contains("\"{\"\"name\"\":\"\"" + team);
	}

}
