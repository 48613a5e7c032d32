package dev.steward.reporting.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.steward.ApiClient.Reply;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Digest subscriptions over HTTP. */
class DigestSubscriptionApiTests extends ApiTest {

	@Test
	void aUserSubscribesToATeamAndTheOrganizationOnceEach() {
		String user = user();
		String team = team();
		String path = "/api/v1/users/" + user + "/digest-subscriptions/";
		Reply first = this.api.put(path + "team:" + team, null);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().path("team").asString()).isEqualTo(team);
		ok(this.api.put(path + "team:" + team, null));
		created(this.api.put(path + "organization", null));
		assertThat(
				ok(this.api.get(path.substring(0, path.length() - 1))).json().path("items").findValuesAsString("scope"))
			.containsExactly("organization", "team:" + team);
		assertThat(this.api.delete(path + "organization").status()).isEqualTo(204);
		problem(this.api.delete(path + "organization"), 404, null);
	}

	@Test
	void refusesScopesThatNameNothing() {
		String user = user();
		String path = "/api/v1/users/" + user + "/digest-subscriptions/";
		problem(this.api.put(path + "everyone", null), 400, "scope");
		problem(this.api.put(path + "team:Not_A_Team", null), 400, "scope");
		problem(this.api.put(path + "team:" + unique("ghost"), null), 404, null);
		problem(this.api.put("/api/v1/users/" + unique("nobody") + "/digest-subscriptions/organization", null), 404,
				null);
		assertThat(ok(this.api.get(path.substring(0, path.length() - 1))).json().path("items")).isEmpty();
	}

	@Test
	void aSubscriptionGoesWithItsTeam() {
		String user = user();
		String team = team("stream", List.of());
		created(this.api.put("/api/v1/users/" + user + "/digest-subscriptions/team:" + team, null));
		assertThat(this.api.delete("/api/v1/teams/" + team).status()).isEqualTo(204);
		assertThat(ok(this.api.get("/api/v1/users/" + user + "/digest-subscriptions")).json().path("items")).isEmpty();
	}

}
