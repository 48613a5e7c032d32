package dev.steward.monitoring.web;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "a monitoring browser password";

	/** The zone of the users that {@link #user()} creates, in which pages tell time. */
	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	TestClock clock;

	@Test
	void aReviewRecordedOnTheServicePageClearsTheOverdueBadge() {
		String ana = userWithPassword(PASSWORD);
		String team = team("stream", List.of(Map.of("user", ana, "role", "lead")));
		String service = service(team, 1);
		created(this.api.post("/api/v1/services/" + service + "/slos", Map.of("name", "checkout-availability",
				"indicator", "availability", "objective", 99.9, "window", "P30D")));
		created(this.api.post("/api/v1/services/" + service + "/monitors",
				Map.of("name", "checkout-errors", "title", "Checkout error rate", "watches", "errors", "link",
						"https://grafana.example.com/d/checkout", "slo", "checkout-availability")));
		this.clock.advance(Duration.ofDays(31));

		signIn(ana, PASSWORD);
		browser.findElement(By.linkText("Monitoring")).click();
		waitForUrl("/monitoring/overdue");
		WebElement overdue = browser.findElement(By.cssSelector("#overdue-reviews tr[data-service='" + service + "']"));
		assertThat(overdue.getText()).contains(team, "Tier 1", "never", "1 day");
		overdue.findElement(By.linkText("Service " + service)).click();
		waitForUrl("/services/" + service);

		assertThat(browser.findElement(By.id("review-overdue")).getText()).isEqualTo("review overdue by 1 day");
		WebElement monitor = browser.findElement(By.cssSelector("#monitors tr[data-monitor='checkout-errors']"));
		assertThat(monitor.getText()).contains("Checkout error rate", "errors", "checkout-availability");
		assertThat(monitor.findElement(By.className("monitor-link")).getAttribute("href"))
			.isEqualTo("https://grafana.example.com/d/checkout");
		assertThat(browser.findElement(By.id("never-reviewed")).isDisplayed()).isTrue();

		browser.findElement(By.cssSelector("#add-monitor summary")).click();
		browser.findElement(By.id("monitor-name")).sendKeys("queue-depth");
		browser.findElement(By.id("monitor-watches")).sendKeys("saturation");
		browser.findElement(By.id("add-monitor-button")).click();
		awaitNotice("Monitor queue-depth added.");
		assertThat(browser.findElement(By.cssSelector("#monitors tr[data-monitor='queue-depth']")).getText())
			.contains("saturation");

		browser.findElement(By.id("review-findings"))
			.sendKeys("Error-rate alert pages the on-call engineer; " + "queue depth had no alert, added one");
		browser.findElement(By.id("reviewed-queue-depth")).click();
		browser.findElement(By.id("record-review")).click();
		String nextDue = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)
			.format(this.clock.instant().plus(Duration.ofDays(30)).atZone(BERLIN));
		awaitNotice("Monitoring review of " + service + " recorded; the next is due on " + nextDue + ".");

		assertThat(absent(By.id("review-overdue"))).as("the overdue badge is gone").isTrue();
		assertThat(browser.findElement(By.id("review-due")).getText()).startsWith("next review due in ");
		WebElement review = browser.findElement(By.cssSelector("#monitoring-reviews li"));
		assertThat(review.getText()).contains(ana, "queue depth had no alert", "(checkout-errors)")
			.doesNotContain("queue-depth)");
		JsonNode status = ok(this.api.get("/api/v1/services/" + service + "/monitoring")).json();
		assertThat(status.path("overdue").asBoolean()).isFalse();
		assertThat(status.path("lastReview").path("reviewer").asString()).isEqualTo(ana);
		assertThat(status.path("lastReview").path("monitorsReviewed").valueStream().map(JsonNode::asString))
			.containsExactly("checkout-errors");

		browser.findElement(By.id("overdue-reviews-link")).click();
		waitForUrl("/monitoring/overdue");
		assertThat(absent(By.cssSelector("tr[data-service='" + service + "']"))).isTrue();
	}

	@Test
	void someoneOutsideTheOwningTeamSeesTheMonitorsButNoForms() {
		String ben = userWithPassword(PASSWORD);
		team("stream", List.of(Map.of("user", ben, "role", "lead")));
		String service = service(team(), 3);
		created(this.api.post("/api/v1/services/" + service + "/monitors",
				Map.of("name", "freshness", "watches", "freshness")));

		signIn(ben, PASSWORD);
		browser.get(url("/services/" + service));
		assertThat(browser.findElement(By.cssSelector("#monitors tr[data-monitor='freshness']")).getText())
			.contains("freshness");
		assertThat(browser.findElement(By.id("review-due")).getText()).startsWith("next review due in ");
		assertThat(browser.findElement(By.id("review-cadence")).getText()).contains("90 days", "tier 3");
		assertThat(absent(By.id("monitoring-review-form"))).isTrue();
		assertThat(absent(By.id("add-monitor"))).isTrue();
		assertThat(absent(By.id("remove-monitor-freshness"))).isTrue();
	}

}
