package dev.steward.reporting.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import dev.steward.catalog.Aspect;
import dev.steward.reporting.Scorecards;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.steward.reporting.web.ScorecardFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scorecard levels from none to gold, the rankings of services and teams over HTTP, and
 * the organization's compliance per aspect.
 */
class ScorecardRankingTests extends ApiTest {

	@Autowired
	TestClock clock;

	@Autowired
	Scorecards scorecards;

	private ScorecardFixtures fixtures;

	@BeforeEach
	void fixtures() {
		standardEnvironments();
		this.fixtures = new ScorecardFixtures(this.api, this.clock);
	}

	@Test
	void levelsRiseFromNoneToBronzeToSilverToGold() {
		String lead = user();
		String team = this.fixtures.team(null, member(lead, "lead"), member(user(), "member"),
				member(user(), "member"));
		String none = this.fixtures.service(team, 3);
		assertLevel(none, "none");

		String policy = this.fixtures.policy(team, Map.of("type", "user", "name", lead));
		this.fixtures.assign(none, policy);
		assertLevel(none, "none");
		this.fixtures.slo(none);
		assertLevel(none, "bronze");

		this.fixtures.api(none);
		this.fixtures.window("service:" + none);
		assertLevel(none, "silver");

		String gold = this.fixtures.covered(3).service();
		assertLevel(gold, "gold");
	}

	@Test
	void servicesAreRankedGoldFirstThenByChecksPassedAndFilteredByTeamAndLevel() {
		ScorecardFixtures.Covered covered = this.fixtures.covered(3);
		String bare = this.fixtures.service(covered.team(), 4);
		String bronze = this.fixtures.service(covered.team(), 4);
		this.fixtures.slo(bronze);
		this.fixtures.assign(bronze, covered.policy());

		JsonNode page = ok(this.api.get("/api/v1/scorecards?team=" + covered.team())).json();
		assertThat(page.path("items").valueStream().map(item -> item.path("service").asString()))
			.containsExactly(covered.service(), bronze, bare);
		JsonNode first = page.path("items").get(0);
		assertThat(first.path("team").asString()).isEqualTo(covered.team());
		assertThat(first.path("tier").asInt()).isEqualTo(3);
		assertThat(first.path("level").asString()).isEqualTo("gold");
		assertThat(first.path("passed").asInt()).isEqualTo(first.path("total").asInt()).isEqualTo(21);
		assertThat(page.path("items").get(1).path("level").asString()).isEqualTo("bronze");
		assertThat(page.path("items").get(2).path("level").asString()).isEqualTo("none");

		JsonNode firstPage = ok(this.api.get("/api/v1/scorecards?team=" + covered.team() + "&limit=2")).json();
		assertThat(firstPage.path("items")).hasSize(2);
		JsonNode rest = ok(this.api.get("/api/v1/scorecards?team=" + covered.team() + "&limit=2&cursor="
				+ firstPage.path("nextCursor").asString()))
			.json();
		assertThat(rest.path("items").valueStream().map(item -> item.path("service").asString())).containsExactly(bare);
		assertThat(rest.path("nextCursor").isNull()).isTrue();

		assertThat(ok(this.api.get("/api/v1/scorecards?team=" + covered.team() + "&level=bronze")).json()
			.path("items")
			.valueStream()
			.map(item -> item.path("service").asString())).containsExactly(bronze);
		problem(this.api.get("/api/v1/scorecards?level=platinum"), 400, "level");
	}

	@Test
	void teamsAreRankedByTheirShareOfServicesAtSilverOrAbove() {
		ScorecardFixtures.Covered covered = this.fixtures.covered(3);
		this.fixtures.service(covered.team(), 4);
		String weak = this.fixtures.team(null);
		this.fixtures.service(weak, 4);

		List<JsonNode> teams = ok(this.api.get("/api/v1/scorecards/teams")).json().path("items").valueStream().toList();
		JsonNode strong = teams.stream()
			.filter(t -> t.path("team").asString().equals(covered.team()))
			.findFirst()
			.orElseThrow();
		assertThat(strong.path("services").asInt()).isEqualTo(2);
		assertThat(strong.path("levels").path("gold").asInt()).isEqualTo(1);
		assertThat(strong.path("levels").path("none").asInt()).isEqualTo(1);
		assertThat(strong.path("silverOrAbovePercent").asDouble()).isEqualTo(50.0);
		JsonNode other = teams.stream().filter(t -> t.path("team").asString().equals(weak)).findFirst().orElseThrow();
		assertThat(other.path("silverOrAbovePercent").asDouble()).isZero();
		assertThat(teams.indexOf(strong)).isLessThan(teams.indexOf(other));
	}

	@Test
	void complianceIsGivenForEveryAspectAsTheShareOfServicesPassingIt() {
		this.fixtures.covered(3);
		Map<Aspect, Double> compliance = this.scorecards.complianceByAspect();
		assertThat(compliance).containsOnlyKeys(Aspect.values());
		assertThat(compliance.values()).allSatisfy(share -> assertThat(share).isBetween(0.0, 100.0));
		long services = this.scorecards.ranking().size();
		long ownersPassing = this.scorecards.ranking()
			.stream()
			.filter(entry -> entry.checks()
				.stream()
				.filter(check -> check.aspect() == Aspect.SERVICE_DEVELOPMENT)
				.allMatch(check -> check.passed()))
			.count();
		assertThat(compliance.get(Aspect.SERVICE_DEVELOPMENT))
			.isEqualTo(Math.round(1000.0 * ownersPassing / services) / 10.0);
		JsonNode items = ok(this.api.get("/api/v1/scorecards/compliance")).json().path("items");
		assertThat(items.findValuesAsString("aspect"))
			.containsExactly(Arrays.stream(Aspect.values()).map(Aspect::key).toArray(String[]::new));
		assertThat(items.get(1).path("label").asString()).isEqualTo("Service development");
		assertThat(items.get(1).path("compliance").asDouble()).isBetween(0.0, 100.0);
		assertThat(ok(this.api.get("/api/v1/reports/organization")).json().path("compliance")).isEqualTo(items);

		List<List<String>> csv = Rfc4180.parse(
				ok(this.api.send("GET", "/api/v1/scorecards/compliance", null, Map.of("Accept", "text/csv"))).body());
		assertThat(csv.get(0)).containsExactly("aspect", "label", "compliance");
		assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(items.valueStream()
			.map(item -> List.of(item.path("aspect").asString(), item.path("label").asString(),
					item.path("compliance").asString()))
			.toList());
	}

	private void assertLevel(String service, String level) {
		assertThat(this.fixtures.scorecard(service).path("level").asString()).isEqualTo(level);
	}

}
