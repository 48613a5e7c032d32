package dev.steward.catalog.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class TeamApiTests extends ApiTest {

	@Test
	void createsTeamWithMembersAndWarnsAboutSize() {
		String lead = user();
		String name = unique("team");
		Reply reply = created(this.api.post("/api/v1/teams",
				Map.of("name", name, "title", "Payments", "kind", "stream", "email", "payments@example.com", "chat",
						"#payments", "parent", "commerce", "members", List.of(Map.of("user", lead, "role", "lead")))));
		assertThat(reply.header("Location")).hasValue("/api/v1/teams/" + name);
		assertThat(reply.json().path("members").get(0).path("user").asString()).isEqualTo(lead);
		assertThat(reply.json().path("members").get(0).path("role").asString()).isEqualTo("lead");
		assertThat(reply.json().path("warnings").get(0).asString()).contains("3–8");
		assertThat(reply.json().path("parent").asString()).isEqualTo("commerce");
	}

	@Test
	void refusesUnknownMemberAndStoresNothing() {
		String name = unique("team");
		Reply reply = this.api.post("/api/v1/teams", Map.of("name", name, "title", "T", "kind", "stream", "members",
				List.of(Map.of("user", "nobody-here", "role", "lead"))));
		problem(reply, 400, "members[0].user");
		problem(this.api.get("/api/v1/teams/" + name), 404, null);
	}

	@Test
	void refusesUnknownKindAndRole() {
		problem(this.api.post("/api/v1/teams", Map.of("name", unique("team"), "title", "T", "kind", "guild")), 400,
				"kind");
		String team = team();
		problem(this.api.put("/api/v1/teams/" + team + "/members/" + user(), Map.of("role", "boss")), 400, "role");
	}

	@Test
	void managesMembership() {
		String team = team();
		String member = user();
		Reply added = created(this.api.put("/api/v1/teams/" + team + "/members/" + member, Map.of("role", "member")));
		assertThat(added.json().path("role").asString()).isEqualTo("member");
		ok(this.api.put("/api/v1/teams/" + team + "/members/" + member, Map.of("role", "lead")));
		assertThat(this.api.get("/api/v1/teams/" + team).json().path("members").get(0).path("role").asString())
			.isEqualTo("lead");
		assertThat(this.api.delete("/api/v1/teams/" + team + "/members/" + member).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/teams/" + team).json().path("members")).isEmpty();
		problem(this.api.delete("/api/v1/teams/" + team + "/members/" + member), 404, null);
		problem(this.api.put("/api/v1/teams/" + team + "/members/no-such-user", Map.of("role", "member")), 404, null);
	}

	@Test
	void teamThatOwnsServicesCannotBeDeleted() {
		String team = team();
		String owned = service(team, 2);
		Reply refused = this.api.delete("/api/v1/teams/" + team);
		problem(refused, 409, null);
		assertThat(refused.json().path("services").get(0).asString()).isEqualTo(owned);
		ok(this.api.get("/api/v1/teams/" + team));
	}

	@Test
	void deletesTeamWithoutServices() {
		String team = team();
		assertThat(this.api.delete("/api/v1/teams/" + team).status()).isEqualTo(204);
		problem(this.api.get("/api/v1/teams/" + team), 404, null);
	}

	@Test
	void updatesAndPatchesTeam() {
		String team = team();
		Reply put = ok(this.api.put("/api/v1/teams/" + team, Map.of("title", "Renamed", "kind", "shared")));
		assertThat(put.json().path("kind").asString()).isEqualTo("shared");
		Reply patched = ok(this.api.patch("/api/v1/teams/" + team, Map.of("chat", "#ops")));
		assertThat(patched.json().path("title").asString()).isEqualTo("Renamed");
		assertThat(patched.json().path("chat").asString()).isEqualTo("#ops");
		problem(this.api.patch("/api/v1/teams/" + team, Map.of("name", "other-name")), 400, "name");
	}

	@Test
	void listsTeamsWithCursor() {
		team();
		team();
		Reply first = ok(this.api.get("/api/v1/teams?limit=1"));
		assertThat(first.json().path("items")).hasSize(1);
		Reply second = ok(this.api.get("/api/v1/teams?limit=1&cursor=" + first.json().path("nextCursor").asString()));
		assertThat(second.json().path("items").get(0).path("name").asString())
			.isNotEqualTo(first.json().path("items").get(0).path("name").asString());
	}

}
