package dev.steward.reporting.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The report pages in real Chromium: from the service page to its report, whose SLO
 * budget chart draws a bar per SLO; a new period through the form; the organization
 * report's weekly charts with a bar per week; and the CSV each page links to.
 */
class ReportPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "a report browser password";

	@Autowired
	TestClock clock;

	@Test
	void theServiceAndOrganizationReportsDrawTheirChartsAndDownloadTheirCsv() {
		String reader = userWithPassword(PASSWORD);
		String team = team();
		String service = service(team, 1);
		budgetHalfSpent(service, "availability");
		budgetHalfSpent(service, "checkout");
		created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Checkout slow", "severity", "critical")));

		signIn(reader, PASSWORD);
		browser.get(url("/services/" + service));
		waitFor(By.id("service-report")).click();
		waitForUrl("/reports/services/" + service);
		assertThat(browser.getTitle()).isEqualTo("Report of " + service + " · Steward");
		assertThat(browser.findElement(By.id("incidents-total")).getText()).isEqualTo("1");
		WebElement budgets = browser.findElement(By.cssSelector("svg#budget-chart"));
		assertThat(budgets.getAttribute("role")).isEqualTo("img");
		assertThat(budgets.findElements(By.cssSelector("rect.budget-bar"))).hasSize(2);
		assertThat(budgets.getRect().getWidth()).as("drawn").isGreaterThan(300);
		WebElement bar = budgets.findElement(By.cssSelector("rect.budget-bar"));
		WebElement track = budgets.findElement(By.cssSelector("rect.track"));
		assertThat((double) bar.getRect().getWidth() / track.getRect().getWidth()).as("half the budget left")
			.isBetween(0.45, 0.55);

		LocalDate today = this.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
		setDate("period-since", today.minusDays(20));
		setDate("period-until", today);
		browser.findElement(By.cssSelector("#period-form button[type=submit]")).click();
		waitForUrl("since=" + today.minusDays(20));
		assertThat(browser.findElement(By.id("period-label")).getText())
			.contains(today.minusDays(20) + " 00:00 – " + today.plusDays(1) + " 00:00 UTC");
		String csvLink = browser.findElement(By.id("download-csv")).getAttribute("href");
		assertThat(csvLink)
			.endsWith("/reports/services/" + service + "/report.csv?since=" + today.minusDays(20) + "&until=" + today);
		String csv = downloadInThisSession(csvLink.substring(url("").length()), "text/csv");
		assertThat(Rfc4180.parse(csv).get(0)).containsExactly("section", "figure", "value");
		assertThat(Rfc4180.parse(csv)).contains(List.of("incidents", "total", "1"),
				List.of("report", "service", service));

		browser.findElement(By.id("nav-reports")).click();
		waitForUrl("/reports/organization");
		assertThat(browser.getTitle()).isEqualTo("Organization report · Steward");
		int weeks = ok(this.api.get("/api/v1/reports/organization")).json().path("weeks").size();
		WebElement incidents = browser.findElement(By.cssSelector("svg#incidents-chart"));
		assertThat(incidents.getAttribute("role")).isEqualTo("img");
		assertThat(incidents.findElement(By.tagName("title")).getAttribute("textContent"))
			.isEqualTo("Incidents per week");
		assertThat(incidents.findElements(By.cssSelector("rect.bar.series-incidents"))).hasSize(weeks);
		assertThat(incidents.findElements(By.cssSelector("rect.bar.series-high"))).hasSize(weeks);
		assertThat(incidents.findElements(By.cssSelector("rect.bar.series-incidents")))
			.as("this week's incident is drawn")
			.last()
			.satisfies(last -> assertThat(last.getRect().getHeight()).isPositive());
		assertThat(browser.findElements(By.cssSelector("svg#deployments-chart rect.bar"))).hasSize(weeks);
		assertThat(browser.findElements(By.cssSelector("svg#change-failure-chart text.axis-title")))
			.extracting(WebElement::getText)
			.containsExactly("failed deployments", "ISO week (UTC)");
		assertThat(browser.findElements(By.cssSelector("#incidents-chart-data tbody tr"))).hasSize(weeks);

		String organizationCsv = downloadInThisSession(
				browser.findElement(By.id("download-csv")).getAttribute("href").substring(url("").length()),
				"text/csv");
		List<List<String>> rows = Rfc4180.parse(organizationCsv);
		assertThat(rows.get(0)).startsWith("service", "owner", "group", "product", "tier");
		assertThat(rows).anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly(service, team));
	}

	/** An SLO of 99 % over 30 days with an hour of samples that spent half its budget. */
	private void budgetHalfSpent(String service, String name) {
		String slos = "/api/v1/services/" + service + "/slos";
		created(this.api.post(slos,
				Map.of("name", name, "indicator", "availability", "objective", 99, "window", "P30D")));
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		List<Map<String, Object>> samples = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			samples.add(Map.of("at", minute.minus(Duration.ofMinutes(i)).toString(), "good", 995, "total", 1000));
		}
		JsonNode status = ok(this.api.post(slos + "/" + name + "/samples", Map.of("samples", samples))).json();
		assertThat(status.path("errorBudget").path("remainingRatio").asDouble()).isCloseTo(0.5, offset(1e-9));
	}

	/**
	 * Sets a date input's value (typed keys would depend on the browser's locale format).
	 */
	private static void setDate(String id, LocalDate date) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id(id)), date.toString());
	}

}
