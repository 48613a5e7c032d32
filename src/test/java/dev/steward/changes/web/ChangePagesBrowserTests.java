package dev.steward.changes.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "a change browser password";

	/**
	 * The zone of the users that {@link #user()} creates, in which the pages tell time.
	 */
	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	TestClock clock;

	@Test
	void theCalendarShowsABlackoutAndAPlannedChange() {
		String ana = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(member(ana))), 2);
		String production = environment("production", false);
		LocalDate today = this.clock.instant().atZone(BERLIN).toLocalDate();
		String freeze = unique("freeze");
		created(this.api.post("/api/v1/windows",
				Map.of("name", freeze, "title", "Quarter close", "scope", "service:" + service, "kind", "deny",
						"environments", List.of(production), "start", midnight(today.plusDays(3)).toString(), "end",
						midnight(today.plusDays(5)).toString(), "timeZone", "Europe/Berlin")));
		long change = change(service, production, at(today.plusDays(8), 10), at(today.plusDays(8), 12), "low");
		submit(change);

		signIn(ana, PASSWORD);
		browser.findElement(By.linkText("Calendar")).click();
		waitForUrl("/calendar");
		assertThat(browser.findElements(By.cssSelector("#calendar tr.calendar-row"))).hasSize(28);
		assertThat(item(today.plusDays(8), "change", Long.toString(change)).isDisplayed())
			.as("company-wide, every service's changes")
			.isTrue();

		browser.findElement(By.id("calendar-service")).sendKeys(service);
		browser.findElement(By.id("calendar-show")).click();
		waitForUrl("service=" + service);
		assertThat(browser.findElement(By.id("calendar-heading")).getText()).isEqualTo("Calendar of " + service);

		for (int day : List.of(3, 4)) {
			WebElement blackout = item(today.plusDays(day), "blackout", freeze);
			assertThat(blackout.getText()).contains("Quarter close", "all day",
					"service:" + service + " · " + production);
			WebElement bar = bar(today.plusDays(day), "blackout", freeze);
			assertThat(bar.getAttribute("width")).isEqualTo("100.0000%");
			assertThat(bar.getRect().getWidth()).as("drawn").isGreaterThan(100);
		}
		assertThat(browser
			.findElements(By.cssSelector("tr[data-date='" + today.plusDays(5) + "'] [data-key='" + freeze + "']")))
			.isEmpty();

		WebElement planned = item(today.plusDays(8), "change", Long.toString(change));
		assertThat(planned.getText()).contains("#" + change + " Raise the connection limit", "submitted",
				"10:00 – 12:00", service + " · " + production + " · low risk");
		WebElement bar = bar(today.plusDays(8), "change", Long.toString(change));
		assertThat(bar.getAttribute("x")).isEqualTo(String.format(Locale.ROOT, "%.4f%%", 100.0 * 10 / 24));
		assertThat(bar.getAttribute("width")).isEqualTo(String.format(Locale.ROOT, "%.4f%%", 100.0 * 2 / 24));

		String feed = downloadInThisSession(
				browser.findElement(By.id("blackout-feed")).getAttribute("href").substring(url("").length()));
		assertThat(feed).contains("SUMMARY:Deployment blackout: Quarter close");

		planned.findElement(By.linkText("#" + change + " Raise the connection limit")).click();
		waitForUrl("/changes/" + change);
		assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("submitted");
	}

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

	@Test
	void submittingAChangePlannedInABlackoutIsRefusedOnItsPage() {
		String ana = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(member(ana))), 2);
		String production = environment("production", false);
		LocalDate today = this.clock.instant().atZone(BERLIN).toLocalDate();
		String freeze = unique("freeze");
		created(this.api.post("/api/v1/windows",
				Map.of("name", freeze, "scope", "service:" + service, "kind", "deny", "environments",
						List.of(production), "start", at(today.plusDays(2), 9).toString(), "end",
						at(today.plusDays(2), 18).toString(), "timeZone", "Europe/Berlin")));
		long change = change(service, production, at(today.plusDays(2), 8), at(today.plusDays(2), 10), "medium");

		signIn(ana, PASSWORD);
		browser.get(url("/changes/" + change));
		assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("draft");
		WebElement gateNow = browser.findElement(By.id("gate-now"));
		assertThat(gateNow.getAttribute("data-open")).isEqualTo("false");
		assertThat(gateNow.getText())
			.contains("closed at " + at(today.plusDays(2), 9).atZone(BERLIN)
				.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)))
			.contains("Closed by blackout '" + freeze + "'");

		browser.findElement(By.id("submit-change")).click();
		assertThat(waitFor(By.id("flash-problems")).getText()).startsWith("The gate of " + service + " in " + production
				+ " is closed at " + at(today.plusDays(2), 9) + ", inside the planned interval");
		assertThat(browser.findElement(By.id("change-status")).getText()).isEqualTo("draft");

		browser.get(url("/calendar?service=" + service));
		assertThat(item(today.plusDays(2), "change", Long.toString(change)).getText()).contains("draft",
				"08:00 – 10:00");
		assertThat(item(today.plusDays(2), "blackout", freeze).getText()).contains(freeze, "09:00 – 18:00");
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

	private static Instant midnight(LocalDate day) {
		return day.atStartOfDay(BERLIN).toInstant();
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(BERLIN).toInstant();
	}

	private static WebElement item(LocalDate day, String kind, String key) {
		return browser.findElement(By.cssSelector(
				"tr[data-date='" + day + "'] .day-items li[data-kind='" + kind + "'][data-key='" + key + "']"));
	}

	private static WebElement bar(LocalDate day, String kind, String key) {
		return browser.findElement(By
			.cssSelector("tr[data-date='" + day + "'] svg.bar[data-kind='" + kind + "'][data-key='" + key + "']"));
	}

	private static Map<String, String> member(String user) {
		return Map.of("user", user, "role", "member");
	}

}
