package dev.steward.deployments.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "a deployment browser password";

	private static final String DEPLOYMENTS = "/api/v1/deployments";

	@Autowired
	TestClock clock;

	@Test
	void theServicePageShowsTheGateClosedByABlackoutAndADeploymentNodeByNode() {
		String ana = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(member(ana))), 2);
		String production = environment("production", false);
		instance(service, production, List.of("web-1", "web-2", "web-3"));
		Instant now = now();
		String freeze = unique("freeze");
		created(this.api.post("/api/v1/windows",
				Map.of("name", freeze, "title", "Quarter close", "scope", "service:" + service, "kind", "deny",
						"environments", List.of(production), "start", now.minus(Duration.ofHours(1)).toString(), "end",
						now.plus(Duration.ofHours(3)).toString(), "timeZone", "Europe/Berlin", "reason",
						"Books are being closed")));
		long id = deploy(service, production, "1.4.2",
				Map.of("emergency", Map.of("justification", "Fixes double charges")));
		node(id, "web-1", "updating");
		node(id, "web-1", "updated");
		node(id, "web-2", "updating");

		signIn(ana, PASSWORD);
		browser.get(url("/services/" + service));

		WebElement gate = browser.findElement(By.cssSelector("#gate-banner li[data-environment='" + production + "']"));
		assertThat(gate.getAttribute("data-open")).isEqualTo("false");
		assertThat(gate.findElement(By.cssSelector(".gate-state")).getText()).isEqualTo("closed");
		assertThat(gate.findElement(By.cssSelector(".gate-meaning")).getText())
			.isEqualTo("Closed by blackout '" + freeze + "' (service:" + service + "): Books are being closed");
		assertThat(gate.findElement(By.cssSelector(".gate-change")).getText()).startsWith("Opens ")
			.endsWith("(in 2 h)");
		assertThat(browser.findElement(By.id("gate-banner")).getAttribute("class")).contains("gate-banner-closed");

		WebElement underWay = browser
			.findElement(By.cssSelector("#deployments-under-way tr[data-deployment='" + id + "']"));
		assertThat(underWay.getText()).contains(production, "1.4.2", "in-progress", "emergency", "just now");
		assertThat(underWay.findElements(By.cssSelector(".node-bar .node")))
			.extracting(node -> node.getAttribute("data-node") + ":" + node.getAttribute("data-status"))
			.containsExactly("web-1:updated", "web-2:updating", "web-3:pending");
		assertThat(underWay.findElement(By.cssSelector(".node-counts")).getText())
			.isEqualTo("1 of 3 nodes updated · 1 updating · 1 pending");
		assertThat(underWay.findElement(By.cssSelector(".node-bar")).getRect().getWidth()).as("drawn")
			.isGreaterThan(50);

		WebElement environment = browser.findElement(
				By.cssSelector("#deployments .environment-deployments[data-environment='" + production + "']"));
		assertThat(environment.findElement(By.cssSelector(".instance")).getText()).contains("no version yet",
				"3 nodes");
		assertThat(environment.findElement(By.cssSelector("tr[data-deployment='" + id + "']")).getText())
			.contains("1.4.2", "in-progress", "emergency");

		underWay.findElement(By.linkText("#" + id)).click();
		waitForUrl("/deployments/" + id);
		assertThat(browser.findElement(By.id("deployment-status")).getText()).isEqualTo("in-progress");
		assertThat(browser.findElement(By.id("gate-decision")).getAttribute("data-open")).isEqualTo("false");
		assertThat(browser.findElement(By.cssSelector("#gate-decision tr[data-window='" + freeze + "']")).getText())
			.contains("blackout", "closes", "Books are being closed");
		assertThat(browser.findElement(By.id("emergency-justification")).getText()).contains("Fixes double charges");
	}

	@Test
	void aTeamMemberAsksForARollbackFromTheDeploymentPage() {
		String ana = userWithPassword(PASSWORD);
		String team = team("stream", List.of(member(ana)));
		String service = service(team, 3);
		String staging = environment("non-production", false);
		instance(service, staging, List.of("app-1", "app-2"));
		long first = deploy(service, staging, "2.0.0", Map.of());
		node(first, "app-1", "updated");
		node(first, "app-2", "updated");
		ok(this.api.post(DEPLOYMENTS + "/" + first + "/verify", Map.of("passed", true)));
		long id = deploy(service, staging, "2.1.0", Map.of());
		node(id, "app-1", "updated");
		node(id, "app-2", "updated");
		ok(this.api.post(DEPLOYMENTS + "/" + id + "/verify", Map.of("passed", true, "checks",
				List.of(Map.of("name", "smoke", "passed", true, "detail", "200 OK")))));

		signIn(ana, PASSWORD);
		browser.get(url("/services/" + service));
		WebElement environment = browser
			.findElement(By.cssSelector(".environment-deployments[data-environment='" + staging + "']"));
		assertThat(environment.findElement(By.cssSelector(".current-version")).getText()).isEqualTo("2.1.0");
		assertThat(environment.findElements(By.cssSelector("tbody tr")))
			.extracting(row -> row.getAttribute("data-deployment") + ":" + row.getAttribute("data-status"))
			.containsExactly(id + ":succeeded", first + ":succeeded");
		environment.findElement(By.linkText("#" + id)).click();
		waitForUrl("/deployments/" + id);

		assertThat(browser.findElement(By.id("deployment-status")).getText()).isEqualTo("succeeded");
		assertThat(browser.findElement(By.id("rollback-target")).getText()).isEqualTo("2.0.0");
		assertThat(browser.findElement(By.id("gate-decision")).getAttribute("data-open")).isEqualTo("true");
		assertThat(browser.findElements(By.cssSelector("#nodes tbody tr")))
			.extracting(row -> row.getAttribute("data-status"))
			.containsExactly("updated", "updated");
		assertThat(browser.findElement(By.cssSelector("#checks tr[data-check='smoke']")).getText()).contains("passed",
				"200 OK");

		browser.get(url("/deployments/" + first));
		assertThat(browser.findElement(By.id("superseded")).getText()).contains("deployment #" + id);
		assertThat(absent(By.id("rollback-button"))).as("superseded").isTrue();
		problem(this.api.post(DEPLOYMENTS + "/" + first + "/rollback", null), 409, null);
		browser.findElement(By.linkText("deployment #" + id)).click();
		waitForUrl("/deployments/" + id);

		browser.findElement(By.id("rollback-reason-text")).sendKeys("Error rate doubled");
		browser.findElement(By.id("rollback-button")).click();
		awaitNotice("Rollback of deployment #" + id + " requested: back to 2.0.0.");
		assertThat(browser.findElement(By.id("deployment-status")).getText()).isEqualTo("rolling-back");
		assertThat(browser.findElement(By.id("rollback-reason")).getText())
			.isEqualTo("Error rate doubled (back to 2.0.0)");
		assertThat(browser.findElements(By.cssSelector("#deployment-history li")).getLast().getText())
			.contains("rolling-back", ana, "Error rate doubled");
		assertThat(absent(By.id("rollback-button"))).as("nothing more to roll back").isTrue();
		assertThat(statusInApi(id)).isEqualTo("rolling-back");
	}

	@Test
	void someoneOutsideTheOwningTeamIsOfferedNoRollbackAndRefusedOnThePage() {
		String ana = userWithPassword(PASSWORD);
		String team = team("stream", List.of(member(ana)));
		String service = service(team, 3);
		String staging = environment("non-production", false);
		long id = deploy(service, staging, "3.0.0", Map.of("nodes", List.of("only")));

		String outsider = userWithPassword(PASSWORD);
		signIn(outsider, PASSWORD);
		browser.get(url("/deployments/" + id));
		assertThat(browser.findElement(By.id("deployment-status")).getText()).isEqualTo("in-progress");
		assertThat(absent(By.id("rollback-button"))).isTrue();

		signIn(ana, PASSWORD);
		browser.get(url("/deployments/" + id));
		assertThat(this.api.delete("/api/v1/teams/" + team + "/members/" + ana).status()).isEqualTo(204);
		browser.findElement(By.id("rollback-button")).click();
		assertThat(waitFor(By.id("flash-problems")).getText())
			.isEqualTo("Only members of the team that owns '" + id + "' may do this");
		assertThat(browser.getCurrentUrl()).endsWith("/deployments/" + id);
		assertThat(browser.findElement(By.id("deployment-status")).getText()).isEqualTo("in-progress");
		assertThat(statusInApi(id)).isEqualTo("in-progress");
	}

	/** Now to the second, so that times the server stores compare exactly. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private void instance(String service, String environment, List<String> nodes) {
		created(this.api.put("/api/v1/services/" + service + "/instances/" + environment,
				Map.of("url", "https://" + service + ".example.com", "region", "eu-west-1", "nodes", nodes)));
	}

	private long deploy(String service, String environment, String version, Map<String, Object> more) {
		Map<String, Object> request = new HashMap<>(
				Map.of("service", service, "environment", environment, "version", version));
		request.putAll(more);
		return created(this.api.post(DEPLOYMENTS, request)).json().path("id").asLong();
	}

	private void node(long id, String node, String status) {
		ok(this.api.post(DEPLOYMENTS + "/" + id + "/nodes/" + node, Map.of("status", status)));
	}

	private String statusInApi(long id) {
		return ok(this.api.get(DEPLOYMENTS + "/" + id)).json().path("status").asString();
	}

	private static Map<String, String> member(String user) {
		return Map.of("user", user, "role", "member");
	}

}
