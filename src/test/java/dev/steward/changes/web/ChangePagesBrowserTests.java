package dev.steward.changes.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "a change browser password";

	@Autowired
	TestClock clock;

	@Test
	void aLeadApprovesASubmittedChangeFromItsPage() {
		String lea = userWithPassword(PASSWORD);
		String mo = userWithPassword(PASSWORD);
		String team = team("stream", List.of(Map.of("user", lea, "role", "lead"), member(mo)));
		String service = service(team, 2);
		String production = environment("production", false);
		Instant now = this.clock.instant();
		long change = change(service, production, now.plus(Duration.ofDays(2)),
				now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)), "low");
		submit(change);

		signIn(mo, PASSWORD);
		browser.get(url("/changes/" + change));
		assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("submitted");
		assertThat(browser.findElement(By.id("approvals-needed")).getText())
			.contains("a lead of team '" + team + "' (owner)");
		assertThat(absent(By.id("approve-change"))).as("a member, not a lead").isTrue();
		assertThat(browser.findElement(By.id("cancel-change")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("gate-decision")).getAttribute("data-open")).isEqualTo("true");
		assertThat(browser.findElement(By.id("gate-now")).getAttribute("data-open")).isEqualTo("true");

		signIn(lea, PASSWORD);
		browser.findElement(By.linkText("Changes")).click();
		waitForUrl("/changes");
		browser.findElement(By.id("filter-service")).sendKeys(service);
		browser.findElement(By.id("filter-button")).click();
		waitForUrl("service=" + service);
		WebElement row = browser.findElement(By.cssSelector("#change-list tr[data-change='" + change + "']"));
		assertThat(row.getAttribute("data-status")).isEqualTo("submitted");
		row.findElement(By.linkText("#" + change)).click();
		waitForUrl("/changes/" + change);

		browser.findElement(By.id("approve-change")).click();
		awaitNotice("You approved change #" + change + "; it is approved.");
		assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("approved");
		assertThat(browser.findElement(By.cssSelector("#approvals li[data-approver='" + lea + "']")).getText())
			.contains("owner");
		assertThat(absent(By.id("approvals-needed"))).isTrue();
		assertThat(absent(By.id("approve-change"))).isTrue();
		assertThat(browser.findElement(By.id("starts-at")).getText()).startsWith("It can start from ");
		assertThat(ok(this.api.get("/api/v1/changes/" + change)).json().path("status").asString())
			.isEqualTo("approved");

		browser.get(url("/services/" + service));
		assertThat(browser.findElement(By.cssSelector("#open-changes tr[data-change='" + change + "']"))
			.getAttribute("data-status")).isEqualTo("approved");
	}

	@Test
	void aRefusedActionComesBackAsAMessageOnTheChangePage() {
		String lea = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(Map.of("user", lea, "role", "lead"))), 2);
		String production = environment("production", false);
		Instant now = this.clock.instant();
		long change = change(service, production, now.plus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), "high");
		submit(change);

		signIn(lea, PASSWORD);
		browser.get(url("/services/" + service));
		WebElement open = browser.findElement(By.cssSelector("#open-changes tr[data-change='" + change + "']"));
		assertThat(open.findElement(By.cssSelector(".approvals-needed")).getText())
			.contains("a second approver (high risk)");
		open.findElement(By.linkText("#" + change)).click();
		waitForUrl("/changes/" + change);
		browser.findElement(By.id("approve-change")).click();
		awaitNotice("You approved change #" + change + "; it still needs a second approver (high risk).");
		assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("submitted");

		browser.findElement(By.id("change-note")).sendKeys("Not needed after all");
		ok(this.api.post("/api/v1/changes/" + change + "/cancel", null));
		browser.findElement(By.id("cancel-change")).click();
		assertThat(waitFor(By.id("flash-problems")).getText()).isEqualTo("Cannot cancel change " + change
				+ " while it is cancelled; that is possible only when it is draft or submitted or approved");
		assertThat(browser.getCurrentUrl()).endsWith("/changes/" + change);
		assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("cancelled");
		assertThat(absent(By.cssSelector("#change-actions button, #finish-change button"))).isTrue();
	}

	private long change(String service, String environment, Instant start, Instant end, String risk) {
		return created(this.api.post("/api/v1/changes",
				Map.of("service", service, "title", "Raise the connection limit", "category", "database", "description",
						"max_connections from 200 to 500", "risk", risk, "environment", environment, "plannedStart",
						start.toString(), "plannedEnd", end.toString(), "rollbackPlan", "Set it back to 200")))
			.json()
			.path("id")
			.asLong();
	}

	private void submit(long change) {
		ok(this.api.post("/api/v1/changes/" + change + "/submit", null));
	}

	private static Map<String, String> member(String user) {
		return Map.of("user", user, "role", "member");
	}

	/** Whether nothing matches, asked without waiting for something to appear. */
	private static boolean absent(By locator) {
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return browser.findElements(locator).isEmpty();
		}
		finally {
			browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		}
	}

	private static void waitForUrl(String part) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
	}

	/** Waits until the page after a form post shows {@code notice}. */
	private static void awaitNotice(String notice) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("flash-notice"), notice));
	}

	private static WebElement waitFor(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

}
