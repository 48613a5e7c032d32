package dev.steward.slas.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SloPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "an slo browser password";

	@Autowired
	TestClock clock;

	@Test
	void aPagingSloShowsOnTheServicePageAndItsOwnPageShowsBurnRatesBudgetAndBurnDown() {
		String ana = userWithPassword(PASSWORD);
		String bob = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(Map.of("user", ana, "role", "member"))), 1);
		String slos = "/api/v1/services/" + service + "/slos";
		created(this.api.post(slos, Map.of("name", "availability", "title", "Checkout availability", "indicator",
				"availability", "objective", 99.9, "window", "P30D")));
		created(this.api.post(slos, Map.of("name", "latency", "indicator", "latency", "objective", 99, "window", "P28D",
				"latencyThreshold", "PT0.3S")));
		// an hour of 5 % errors against 0.1 % allowed: burn rate 50 over every window
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			samples.add(Map.of("at", minute.minus(Duration.ofMinutes(i)).toString(), "good", 950, "total", 1000));
		}
		assertThat(ok(this.api.post(slos + "/availability/samples", Map.of("samples", samples))).json()
			.path("alert")
			.asString()).isEqualTo("page");

		signIn(ana, PASSWORD);
		browser.get(url("/services/" + service));
		WebElement paging = waitFor(By.cssSelector("#slos tr[data-slo='availability']"));
		assertThat(paging.getAttribute("data-alert")).isEqualTo("page");
		assertThat(paging.findElement(By.cssSelector(".slo-alert")).getText()).isEqualTo("page");
		assertThat(paging.getText()).contains("Checkout availability", "availability", "99.9 %", "30 days", "95 %",
				"-4,900 %");
		assertThat(paging.findElement(By.tagName("meter")).getAttribute("value")).isEqualTo("0");
		WebElement quiet = browser.findElement(By.cssSelector("#slos tr[data-slo='latency']"));
		assertThat(quiet.getText()).contains("latency under 300 ms", "99 %", "28 days", "—");
		assertThat(quiet.findElement(By.cssSelector(".slo-alert")).getText()).isEqualTo("none");
		assertThat(quiet.findElements(By.tagName("meter"))).as("no events, no budget to measure").isEmpty();

		paging.findElement(By.cssSelector("a.slo-link")).click();
		waitForUrl("/services/" + service + "/slos/availability");
		assertThat(browser.getTitle()).isEqualTo("SLO Checkout availability of " + service + " · Steward");
		assertThat(browser.findElement(By.id("slo-alert")).getText()).isEqualTo("page");
		assertThat(browser.findElement(By.id("slo-alert-text")).getText()).startsWith("Paging")
			.contains("Since", "roll back");
		assertThat(browser.findElement(By.id("slo-objective")).getText()).isEqualTo("99.9 %");
		assertThat(browser.findElement(By.id("slo-window")).getText()).isEqualTo("30 days, rolling (P30D)");
		assertThat(browser.findElement(By.id("slo-sli")).getText()).isEqualTo("95 %");
		// budget: 0.1 % of 60,000 events = 60 bad events; 3,000 were bad
		assertThat(browser.findElement(By.id("budget-total")).getText()).isEqualTo("60");
		assertThat(browser.findElement(By.id("budget-consumed")).getText()).isEqualTo("3,000");
		assertThat(browser.findElement(By.id("budget-remaining")).getText()).isEqualTo("-2,940");
		assertThat(browser.findElement(By.id("budget-ratio")).getText()).isEqualTo("-4,900 %");

		List<WebElement> rates = browser.findElements(By.cssSelector("#burn-rates tbody tr"));
		assertThat(rates).extracting(row -> row.getAttribute("data-window"))
			.containsExactly("PT5M", "PT30M", "PT1H", "PT2H", "PT6H", "P1D", "P3D");
		assertThat(rates).extracting(row -> row.findElement(By.cssSelector(".burn-rate")).getText()).containsOnly("50");
		WebElement fiveMinutes = rates.get(0);
		assertThat(fiveMinutes.findElement(By.cssSelector(".check")).getText())
			.isEqualTo("page 1 h & 5 min: above 14.4 · fires");
		assertThat(browser.findElements(By.cssSelector("#burn-rules tbody tr")))
			.extracting(row -> row.getAttribute("data-rule") + "=" + row.getAttribute("data-firing"))
			.containsExactly("page 1 h & 5 min=true", "page 6 h & 30 min=true", "ticket 1 d & 2 h=true",
					"ticket 3 d & 6 h=true");

		WebElement chart = browser.findElement(By.cssSelector("svg#burn-down-chart"));
		assertThat(chart.getAttribute("role")).isEqualTo("img");
		String path = chart.findElement(By.cssSelector("path.remaining")).getAttribute("d");
		assertThat(path).startsWith("M").contains(" L");
		assertThat(path.split(" L")).hasSize(SloPages.BURN_DOWN_POINTS);
		assertThat(chart.getRect().getWidth()).as("drawn").isGreaterThan(300);
		List<WebElement> points = browser.findElements(By.cssSelector("#burn-down-data tbody tr"));
		assertThat(points).hasSize(SloPages.BURN_DOWN_POINTS);
		assertThat(points.getFirst().getAttribute("textContent")).contains("100 %");
		assertThat(points.getLast().getAttribute("textContent")).contains("-4,900 %");

		List<WebElement> coverage = browser.findElements(By.cssSelector("#coverage tbody tr"));
		assertThat(coverage).extracting(row -> row.getAttribute("data-minutes")).containsExactly("1440", "4320");
		assertThat(coverage.get(0).getText()).matches("(?s)last 24 hours\\s+(59|60) of 1440\\s+4\\.[12] %");

		signIn(bob, PASSWORD);
		browser.get(url("/services/" + service + "/slos/availability"));
		assertThat(waitFor(By.id("slo-alert")).getText()).isEqualTo("page");
		assertThat(browser.findElement(By.id("budget-consumed")).getText()).isEqualTo("3,000");
		assertThat(browser.findElements(By.cssSelector("main form"))).as("read-only").isEmpty();
		assertThat(browser.findElements(By.cssSelector("main button"))).isEmpty();
	}

}
