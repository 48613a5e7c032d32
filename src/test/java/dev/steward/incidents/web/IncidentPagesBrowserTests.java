package dev.steward.incidents.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.steward.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "an incident browser password";

	/** Long enough for a few rounds of the page's three-second refresh. */
	private static final Duration LIVE_PATIENCE = Duration.ofSeconds(15);

	@Test
	void theListFiltersByServiceAndUrgencyAndLinksToTheIncident() {
		String team = team();
		String payments = service(team, 1);
		String search = service(team, 3);
		long disk = open(payments, "Disk full on db-1", "critical");
		long slow = open(search, "Search is slow", "warning");
		long certificate = open(payments, "Certificate expires in 20 days", "info");

		signIn(userWithPassword(PASSWORD), PASSWORD);
		browser.findElement(By.linkText("Incidents")).click();
		waitForUrl("/incidents");
		assertThat(listed()).containsSubsequence(certificate, slow, disk);

		browser.findElement(By.id("filter-service")).sendKeys(payments);
		browser.findElement(By.id("filter-button")).click();
		waitForUrl("service=" + payments);
		assertThat(browser.findElement(By.id("incidents-heading")).getText()).isEqualTo("Incidents of " + payments);
		assertThat(listed()).containsExactly(certificate, disk);
		WebElement row = row(disk);
		assertThat(row.getText()).contains("Disk full on db-1", "triggered", "high", "critical", "just now");
		assertThat(row(certificate).getText()).contains("low", "info");

		new Select(browser.findElement(By.id("filter-urgency"))).selectByValue("high");
		browser.findElement(By.id("filter-button")).click();
		waitForUrl("urgency=high");
		assertThat(listed()).containsExactly(disk);

		row(disk).findElement(By.linkText("#" + disk)).click();
		waitForUrl("/incidents/" + disk);
		assertThat(browser.findElement(By.id("incident-title")).getText()).isEqualTo("#" + disk + " Disk full on db-1");
		browser.findElement(By.id("incident-service")).click();
		waitForUrl("/services/" + payments);
		browser.findElement(By.id("service-incidents")).click();
		waitForUrl("/incidents?service=" + payments);
		assertThat(listed()).containsExactly(certificate, disk);
	}

	@Test
	void aTeamMemberAcknowledgesFromTheEmailLinkAddsANoteReassignsAndResolves() {
		String ana = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(member(ana))), 2);
		String key = created(this.api.post("/api/v1/services/" + service + "/integration-keys", Map.of())).json()
			.path("key")
			.asString();
		long number = this.api.withToken(null)
			.post("/api/v1/events",
					Map.of("routingKey", key, "action", "trigger", "summary", "Disk full on db-1", "severity", "error",
							"source", "db-1", "details", Map.of("free", "0 B"), "links",
							List.of(Map.of("href", "https://grafana.example/d/1", "text", "Dashboard"),
									Map.of("href", "javascript:alert(1)", "text", "Not a web address"))))
			.json()
			.path("incident")
			.asLong();

		signIn(ana, PASSWORD);
		browser.get(url("/incidents/" + number + "?acknowledge"));
		WebElement banner = browser.findElement(By.id("acknowledge-banner"));
		assertThat(banner.getText()).contains("Acknowledge incident #" + number + "?");
		assertThat(status()).isEqualTo("triggered");
		assertThat(statusInApi(number)).as("opening the link changes nothing").isEqualTo("triggered");
		assertThat(browser.findElement(By.id("incident-details")).getText()).contains("free", "0 B");
		List<WebElement> links = browser.findElements(By.cssSelector("#incident-links a"));
		assertThat(links).extracting(WebElement::getText).containsExactly("Dashboard");
		assertThat(links.get(0).getAttribute("href")).isEqualTo("https://grafana.example/d/1");

		banner.findElement(By.cssSelector(".acknowledge")).click();
		awaitNotice("You acknowledged incident #" + number + "; paging has stopped.");
		assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + number);
		assertThat(status()).isEqualTo("acknowledged");
		assertThat(browser.findElement(By.id("acknowledged-by")).getText()).startsWith("acknowledged by " + ana);
		assertThat(entry("acknowledged").getText()).contains(ana);
		assertThat(absent(By.id("acknowledge-banner"))).isTrue();
		assertThat(absent(By.cssSelector("#incident-actions .acknowledge"))).isTrue();
		assertThat(statusInApi(number)).isEqualTo("acknowledged");

		browser.findElement(By.id("note-text")).sendKeys("Rotated the logs; 40 % free");
		browser.findElement(By.id("add-note-button")).click();
		awaitNotice("Note added.");
		assertThat(entry("note").getText()).contains(ana, "Rotated the logs; 40 % free");

		browser.findElement(By.id("reassign-user")).sendKeys(ana);
		browser.findElement(By.id("reassign-button")).click();
		awaitNotice("Incident #" + number + " is reassigned to " + ana + ", who is paged now.");
		assertThat(status()).isEqualTo("triggered");
		assertThat(entry("reassigned").getText()).contains(ana);

		browser.findElement(By.id("resolve")).click();
		awaitNotice("You resolved incident #" + number + ".");
		assertThat(status()).isEqualTo("resolved");
		assertThat(
				browser.findElements(By.cssSelector("#timeline li")).stream().map(li -> li.getAttribute("data-type")))
			.containsSubsequence("triggered", "acknowledged", "note", "resolved");
		assertThat(absent(By.cssSelector("#incident-actions button"))).isTrue();
		assertThat(statusInApi(number)).isEqualTo("resolved");
		assertThat(browser.findElement(By.id("postmortem")).getText()).as("high urgency on a tier-2 service")
			.contains("required");
	}

	@Test
	void anOpenPageShowsAnAcknowledgementAsItHappens() {
		String service = service(team(), 2);
		long number = open(service, "Checkout errors above 5 %", "critical");
		signIn(userWithPassword(PASSWORD), PASSWORD);
		browser.get(url("/incidents/" + number));
		WebElement title = browser.findElement(By.id("incident-title"));
		assertThat(status()).isEqualTo("triggered");
		String unchanged = browser.findElement(By.id("live")).getAttribute("hx-get");
		assertThat(fetchInThisSession(unchanged).status()).as("nothing changed").isEqualTo(204);

		ok(this.api.post("/api/v1/incidents/" + number + "/acknowledge", null));
		new WebDriverWait(browser, LIVE_PATIENCE)
			.until(ExpectedConditions.textToBe(By.id("incident-status"), "acknowledged"));
		assertThat(entry("acknowledged").isDisplayed()).isTrue();
		assertThat(title.isDisplayed()).as("the page was not loaded again").isTrue();
		assertThat(browser.findElement(By.id("live")).getAttribute("hx-get")).isNotEqualTo(unchanged);
		assertThat(fetchInThisSession(unchanged).body()).contains("acknowledged");
	}

	@Test
	void someoneOutsideTheOwningTeamIsRefusedOnThePage() {
		String outsider = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(member(user()))), 2);
		long number = open(service, "Queue backlog above 10 000", "error");

		signIn(outsider, PASSWORD);
		browser.get(url("/incidents/" + number + "?acknowledge"));
		browser.findElement(By.cssSelector("#acknowledge-banner .acknowledge")).click();

		assertThat(waitFor(By.id("flash-problems")).getText())
			.isEqualTo("Only members of the team that owns '" + number + "' may do this");
		assertThat(browser.getCurrentUrl()).endsWith("/incidents/" + number);
		assertThat(status()).isEqualTo("triggered");
		assertThat(statusInApi(number)).isEqualTo("triggered");
	}

	/** Opens an incident by hand, as the administrator. */
	private long open(String service, String title, String severity) {
		return created(
				this.api.post("/api/v1/incidents", Map.of("service", service, "title", title, "severity", severity)))
			.json()
			.path("number")
			.asLong();
	}

	private String statusInApi(long number) {
		return ok(this.api.get("/api/v1/incidents/" + number)).json().path("status").asString();
	}

	private static Map<String, String> member(String user) {
		return Map.of("user", user, "role", "member");
	}

	private static List<Long> listed() {
		return browser.findElements(By.cssSelector("#incidents tbody tr"))
			.stream()
			.map(row -> Long.parseLong(row.getAttribute("data-number")))
			.toList();
	}

	private static WebElement row(long number) {
		return browser.findElement(By.cssSelector("#incidents tr[data-number='" + number + "']"));
	}

	private static String status() {
		return browser.findElement(By.id("incident-status")).getText();
	}

	private static WebElement entry(String type) {
		return browser.findElement(By.cssSelector("#timeline li[data-type='" + type + "']"));
	}

}
