package dev.steward.oncall.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OnCallPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "an on-call browser password";

	@Autowired
	TestClock clock;

	@Test
	void theSchedulePageDrawsEachLayerTheOverridesAndTheFinalRowWithItsGap() {
		String ana = user();
		String ben = user();
		String cy = user();
		String team = team("stream", List.of(member(ana), member(ben), member(cy)));
		Instant now = now();
		String schedule = schedule(team, layer("Primary", now.minus(days(1)), now.plus(days(3)), List.of(ana, ben)),
				layer("Cover", now.plus(days(1)), now.plus(days(1)).plus(Duration.ofHours(6)), List.of(cy)));

		signIn(userWithPassword(PASSWORD), PASSWORD);
		browser.get(url("/schedules/" + schedule));

		assertThat(browser.findElement(By.id("team")).getText()).isEqualTo("Team " + team);
		assertThat(browser.findElement(By.id("time-zone")).getText()).isEqualTo("Europe/Berlin");
		assertThat(browser.findElement(By.id("on-call-now")).getText()).isEqualTo(ben);
		assertThat(browser.findElement(By.id("gap-warning")).isDisplayed()).isTrue();
		assertThat(users(".timeline-row[data-layer='Primary'] .shift")).containsExactly(ben, ana, ben);
		assertThat(users(".timeline-row[data-layer='Cover'] .shift")).containsExactly(cy);
		assertThat(browser.findElements(By.cssSelector("#overrides-row .shift"))).isEmpty();
		assertThat(users("#final-row .shift")).containsExactly(ben, cy, ana, ben);
		assertThat(browser.findElements(By.cssSelector("#timeline .axis text"))).hasSizeBetween(13, 14);

		List<WebElement> gaps = browser.findElements(By.cssSelector("#final-row .gap"));
		assertThat(gaps).hasSize(1);
		WebElement gap = gaps.get(0);
		assertThat(percent(gap.getAttribute("x"))).isCloseTo(100.0 * 3 / 14, within(0.1));
		assertThat(percent(gap.getAttribute("width"))).isCloseTo(100.0 * 11 / 14, within(0.1));
		assertThat(gap.getRect().getWidth()).as("drawn").isGreaterThan(100);
		assertThat(gap.findElement(By.tagName("title")).getAttribute("textContent")).startsWith("No one on call: ")
			.endsWith("(Europe/Berlin)");

		assertThat(browser.findElements(By.cssSelector("#upcoming .take-shift")))
			.as("someone outside the team is offered no shift")
			.isEmpty();
	}

	@Test
	void aTeamMemberTakesATeammatesShift() {
		String ana = user();
		String ben = userWithPassword(PASSWORD);
		String team = team("stream", List.of(member(ana), member(ben)));
		Instant now = now();
		Instant handOff = now.plus(Duration.ofHours(23));
		String schedule = schedule(team, layer("Primary", now.minus(Duration.ofHours(1)), null, List.of(ana, ben)));

		signIn(ben, PASSWORD);
		browser.get(url("/schedules/" + schedule));
		assertThat(users("#final-row .shift").get(0)).isEqualTo(ana);
		Instant clicked = now();
		browser.findElement(By.cssSelector("#upcoming tr[data-user='" + ana + "'] .take-shift")).click();

		assertThat(waitFor(By.id("flash-notice")).getText()).startsWith(ben + " is on call ");
		assertThat(users("#overrides-row .shift")).containsExactly(ben);
		assertThat(users("#final-row .shift").get(0)).isEqualTo(ben);
		assertThat(browser.findElement(By.id("on-call-now")).getText()).isEqualTo(ben);

		JsonNode overrides = ok(this.api.get("/api/v1/schedules/" + schedule + "/overrides")).json().path("items");
		assertThat(overrides).hasSize(1);
		assertThat(overrides.get(0).path("user").asString()).isEqualTo(ben);
		assertThat(overrides.get(0).path("createdBy").asString()).isEqualTo(ben);
		assertThat(Instant.parse(overrides.get(0).path("start").asString())).isBetween(clicked, this.clock.instant());
		assertThat(Instant.parse(overrides.get(0).path("end").asString())).isEqualTo(handOff);
	}

	@Test
	void refusedAndInvalidOverridesComeBackAsMessagesOnTheSchedulePage() {
		String ana = user();
		String ben = userWithPassword(PASSWORD);
		String team = team("stream", List.of(member(ana), member(ben)));
		String schedule = schedule(team, layer("Primary", now().minus(Duration.ofHours(1)), null, List.of(ana)));
		signIn(ben, PASSWORD);
		browser.get(url("/schedules/" + schedule));

		fillOverride(ana, "2030-01-02T09:00", "2030-01-01T09:00");
		assertThat(waitFor(By.id("flash-problems")).getText()).contains("end: must be after start");

		fillOverride(ana, "2030-01-01T09:00", "2030-01-01T17:00");
		assertThat(waitFor(By.id("flash-notice")).getText())
			.isEqualTo(ana + " is on call Tue 1 Jan 09:00 – 17:00 (Europe/Berlin).");
		JsonNode added = ok(this.api.get("/api/v1/schedules/" + schedule + "/overrides?since=2030-01-01T00:00:00Z"))
			.json()
			.path("items");
		assertThat(added).hasSize(1);
		assertThat(Instant.parse(added.get(0).path("start").asString())).isEqualTo("2030-01-01T08:00:00Z");

		assertThat(this.api.delete("/api/v1/teams/" + team + "/members/" + ben).status()).isEqualTo(204);
		browser.findElement(By.cssSelector("#upcoming tr[data-user='" + ana + "'] .take-shift")).click();
		assertThat(waitFor(By.id("flash-problems")).getText()).contains("Only members of the team that owns");
		assertThat(browser.getCurrentUrl()).endsWith("/schedules/" + schedule);
		assertThat(ok(this.api.get("/api/v1/schedules/" + schedule + "/overrides")).json().path("items")).isEmpty();
		assertThat(browser.findElements(By.id("add-override"))).as("the form is gone with the membership").isEmpty();
	}

	@Test
	void theOnCallPageListsServicesSchedulesAndMyShifts() {
		String ana = userWithPassword(PASSWORD);
		String team = team("stream", List.of(member(ana)));
		Instant now = now();
		String primary = schedule(team, layer("Primary", now.minus(Duration.ofHours(1)), null, List.of(ana)));
		String ending = schedule(team,
				layer("Primary", now.minus(Duration.ofHours(1)), now.plus(days(3)), List.of(ana)));
		String policy = unique("policy");
		created(this.api.post("/api/v1/escalation-policies", Map.of("name", policy, "team", team, "levels",
				List.of(Map.of("delay", "PT5M", "targets", List.of(Map.of("type", "schedule", "name", primary)))))));
		String service = service(team, 2);
		ok(this.api.put("/api/v1/services/" + service + "/escalation-policy", Map.of("policy", policy)));

		signIn(ana, PASSWORD);
		browser.findElement(By.linkText("On call")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/oncall"));
		new Select(browser.findElement(By.id("team"))).selectByValue(team);
		browser.findElement(By.cssSelector("#team-filter button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("team=" + team));

		WebElement serviceRow = browser
			.findElement(By.cssSelector("#services-on-call tr[data-service='" + service + "']"));
		assertThat(serviceRow.findElement(By.cssSelector(".on-call")).getText()).isEqualTo(ana);
		assertThat(serviceRow.getText()).contains(policy).contains(primary);
		assertThat(browser.findElements(By.cssSelector("#schedules tbody"))).hasSize(1);
		assertThat(scheduleRow(primary).getText()).contains(ana).contains("covered");
		assertThat(scheduleRow(ending).findElement(By.cssSelector(".gap-warning")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.cssSelector("#my-shifts tr[data-schedule]")))
			.extracting(row -> row.getAttribute("data-schedule"))
			.containsExactlyInAnyOrder(primary, ending);

		assertThat(downloadInThisSession("/oncall/my-shifts.ics")).contains("SUMMARY:On call: " + primary);
		assertThat(downloadInThisSession("/schedules/" + ending + "/calendar.ics"))
			.contains("X-WR-CALNAME:On call: " + ending);

		serviceRow.findElement(By.linkText("Service " + service)).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/services/" + service));
	}

	/** Now to the second, so that times the server stores compare exactly. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private static Map<String, String> member(String user) {
		return Map.of("user", user, "role", "member");
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

	/** A daily rotation of the users from {@code start}, up to {@code end} when given. */
	private static Map<String, Object> layer(String name, Instant start, Instant end, List<String> users) {
		Map<String, Object> layer = new HashMap<>(
				Map.of("name", name, "start", start.toString(), "turnLength", "P1D", "users", users));
		if (end != null) {
			layer.put("end", end.toString());
		}
		return layer;
	}

	@SafeVarargs
	private String schedule(String team, Map<String, Object>... layers) {
		String name = unique("sched");
		created(this.api.post("/api/v1/schedules",
				Map.of("name", name, "team", team, "timeZone", "Europe/Berlin", "layers", List.of(layers))));
		return name;
	}

	private static List<String> users(String blocks) {
		return browser.findElements(By.cssSelector(blocks))
			.stream()
			.map(block -> block.getAttribute("data-user"))
			.toList();
	}

	private static double percent(String value) {
		assertThat(value).endsWith("%");
		return Double.parseDouble(value.substring(0, value.length() - 1));
	}

	private static WebElement scheduleRow(String schedule) {
		return browser.findElement(By.cssSelector("#schedules tr[data-schedule='" + schedule + "']"));
	}

	/** Sets the add-override form's fields (as a date picker would) and submits it. */
	private static void fillOverride(String user, String start, String end) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("override-user")), user);
		script.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("override-start")), start);
		script.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("override-end")), end);
		browser.findElement(By.id("add-override-button")).click();
	}

}
