package dev.steward.reporting.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.steward.reporting.web.ScorecardFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecards page ranks services and teams by level with filters, and a service's
 * page shows its level and its checks grouped by aspect.
 */
class ScorecardPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "a scorecard browser password";

	@Autowired
	TestClock clock;

	@Test
	void theRankingLeadsToAServicesChecksGroupedByAspect() {
		standardEnvironments();
		ScorecardFixtures fixtures = new ScorecardFixtures(this.api, this.clock);
		ScorecardFixtures.Covered covered = fixtures.covered(3);
		String bare = fixtures.service(covered.team(), 4);
		String ana = userWithPassword(PASSWORD);
		fixtures.send("PUT", "/api/v1/teams/" + covered.team() + "/members/" + ana, Map.of("role", "member"));

		signIn(ana, PASSWORD);
		browser.findElement(By.linkText("Scorecards")).click();
		waitForUrl("/scorecards");
		new Select(browser.findElement(By.id("scorecard-team"))).selectByValue(covered.team());
		browser.findElement(By.id("scorecard-show")).click();
		waitForUrl("team=" + covered.team());
		assertThat(browser.findElements(By.cssSelector("#service-ranking tbody tr"))
			.stream()
			.map(row -> row.getAttribute("data-service"))).containsExactly(covered.service(), bare);
		WebElement gold = browser
			.findElement(By.cssSelector("#service-ranking tr[data-service='" + covered.service() + "']"));
		assertThat(gold.getAttribute("data-level")).isEqualTo("gold");
		assertThat(gold.getText()).contains(covered.team(), "Tier 3", "21 / 21");
		WebElement team = browser.findElement(By.cssSelector("#team-ranking tr[data-team='" + covered.team() + "']"));
		assertThat(team.findElement(By.cssSelector("td[data-level='gold']")).getText()).isEqualTo("1");
		assertThat(team.findElement(By.className("share")).getText()).isEqualTo("50.0 %");

		new Select(browser.findElement(By.id("scorecard-level-filter"))).selectByValue("none");
		browser.findElement(By.id("scorecard-show")).click();
		waitForUrl("level=none");
		assertThat(browser.findElements(By.cssSelector("#service-ranking tbody tr"))
			.stream()
			.map(row -> row.getAttribute("data-service"))).containsExactly(bare);

		browser.findElement(By.linkText(bare)).click();
		waitForUrl("/services/" + bare);
		assertThat(browser.findElement(By.id("scorecard-level")).getText()).isEqualToIgnoringCase("none");
		WebElement slo = browser.findElement(By.cssSelector("#scorecard-checks tr[data-check='slas/slo-defined']"));
		assertThat(slo.getAttribute("data-passed")).isEqualTo("false");
		assertThat(slo.getText()).contains("fail", "Has no SLO");
		WebElement owner = browser
			.findElement(By.cssSelector("#scorecard-checks tr[data-check='service-development/owner-team']"));
		assertThat(owner.getText()).contains("Service development", "pass", "has 4 members");
		assertThat(browser.findElements(By.cssSelector("#scorecard-checks tbody[data-aspect]"))).hasSize(14);
	}

}
