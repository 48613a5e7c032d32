package dev.steward.apis.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import dev.steward.ApiClient;
import dev.steward.TestClock;
import dev.steward.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ApiPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "an api pages browser password";

	/** Pets: list them, and read one. */
	private static final String PETS_1_0 = """
			{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1.0.0"},
			 "paths": {
			  "/pets": {"get": {"summary": "List the pets", "operationId": "listPets",
			    "responses": {"200": {"description": "The pets"}}}},
			  "/pets/{id}": {"get": {"summary": "Read one pet", "operationId": "readPet",
			    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
			    "responses": {"200": {"description": "The pet"}}}}}}
			""";

	/** Pets without the operation that reads one: breaking for clients of 1.0.0. */
	private static final String PETS_WITHOUT_READ = """
			{"openapi": "3.0.3", "info": {"title": "Pets", "version": "1.1.0"},
			 "paths": {
			  "/pets": {"get": {"summary": "List the pets", "operationId": "listPets",
			    "responses": {"200": {"description": "The pets"}}}}}}
			""";

	@Autowired
	TestClock clock;

	@Test
	void anApiRegisteredOnTheServicePageShowsItsContractAndRefusesABreakingMinor() {
		String ana = userWithPassword(PASSWORD);
		String service = service(team("stream", List.of(Map.of("user", ana, "role", "member"))), 2);
		String api = unique("pets");

		signIn(ana, PASSWORD);
		browser.get(url("/services/" + service));
		assertThat(browser.findElement(By.id("no-exposed-apis")).isDisplayed()).isTrue();
		browser.findElement(By.cssSelector("#register-api summary")).click();
		browser.findElement(By.id("api-name")).sendKeys(api);
		browser.findElement(By.id("api-description")).sendKeys("Everything about pets");
		browser.findElement(By.id("register-api-button")).click();
		awaitNotice("API " + api + " registered; publish its first version here.");
		waitForUrl("/apis/" + api);
		assertThat(browser.findElement(By.id("api-type")).getText()).isEqualTo("openapi");
		assertThat(browser.findElement(By.id("no-versions")).isDisplayed()).isTrue();

		publish("1.0.0", PETS_1_0);
		awaitNotice("Version 1.0.0 published.");
		assertThat(row("1.0.0").getText()).contains("published");
		assertThat(browser.findElement(By.id("api-latest")).getText()).isEqualTo("1.0.0");

		row("1.0.0").findElement(By.linkText("1.0.0")).click();
		waitForUrl("/apis/" + api + "/versions/1.0.0");
		WebElement operation = waitFor(By.cssSelector("#swagger-ui .opblock-get"));
		assertThat(operation.getText()).contains("/pets", "List the pets");
		assertThat(browser.findElements(By.cssSelector("#swagger-ui .opblock"))).hasSize(2);
		assertThat(absent(By.id("operations"))).as("Swagger UI took the place of the plain list").isTrue();

		publish(api, "1.1.0", PETS_WITHOUT_READ);
		WebElement breaking = waitFor(By.id("breaking-changes"));
		assertThat(breaking.getText()).contains("Breaking changes against 1.0.0", "/pets/{id}");
		assertThat(browser.findElement(By.id("flash-problems")).getText())
			.contains("breaking change(s) against version 1.0.0; publish them as a new major version");
		assertThat(browser.findElement(By.id("version-number")).getAttribute("value")).isEqualTo("1.1.0");
		assertThat(browser.findElement(By.id("version-spec")).getAttribute("value")).contains("listPets")
			.doesNotContain("readPet");
		assertThat(absent(By.cssSelector("#api-versions tr[data-version='1.1.0']"))).isTrue();

		browser.findElement(By.id("version-number")).clear();
		browser.findElement(By.id("version-number")).sendKeys("2.0.0");
		browser.findElement(By.id("publish-version")).click();
		awaitNotice("Version 2.0.0 published; 1 change(s) against 1.0.0, 1 of them breaking (a new major).");
		assertThat(row("2.0.0").getText()).contains("1 against 1.0.0", "1 breaking");
		WebElement change = browser.findElement(By.cssSelector("#changes-2\\.0\\.0 li.breaking-change"));
		assertThat(change.getText()).contains("breaking", "/pets/{id}");
		assertThat(absent(By.id("breaking-changes"))).isTrue();
	}

	@Test
	void aDeprecatedVersionShowsItsSunsetAndCannotRetireWhileConsumed() {
		String ana = userWithPassword(PASSWORD);
		String owner = team("stream", List.of(Map.of("user", ana, "role", "member")));
		String provider = service(owner, 2);
		String consumer = service(team(), 2);
		String api = registered(provider);
		created(this.api.post("/api/v1/apis/" + api + "/versions", Map.of("version", "1.0.0", "spec", PETS_1_0)));
		assertThat(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)).status())
			.isEqualTo(201);
		LocalDate sunset = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(14);

		signIn(ana, PASSWORD);
		browser.get(url("/apis/" + api));
		assertThat(browser.findElement(By.cssSelector("#api-consumers tr[data-major='1']")).getText()).contains("1.0.0",
				consumer);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("sunset-1.0.0")), sunset.toString());
		browser.findElement(By.id("deprecate-1.0.0")).click();
		awaitNotice("Version 1.0.0 is deprecated; its sunset is " + sunset
				+ ". The teams of its consumers are told by mail.");
		assertThat(row("1.0.0").findElement(By.className("version-status")).getText()).isEqualTo("deprecated");
		assertThat(row("1.0.0").findElement(By.className("sunset")).getText()).isEqualTo(sunset.toString());
		assertThat(absent(By.cssSelector("#api-versions .past-sunset"))).isTrue();
		assertThat(browser.findElement(By.cssSelector("#api-consumers tr[data-major='1']")).getText())
			.contains("deprecated, sunset " + sunset);

		browser.findElement(By.id("retire-1.0.0")).click();
		WebElement blocking = waitFor(By.id("blocking-consumers"));
		assertThat(blocking.findElement(By.linkText(consumer)).getAttribute("href")).endsWith("/services/" + consumer);
		assertThat(browser.findElement(By.id("flash-problems")).getText())
			.contains("is the last of major 1 and these services still consume it: " + consumer);
		assertThat(row("1.0.0").getText()).contains("deprecated");

		this.clock.advance(Duration.ofDays(16));
		browser.get(url("/apis/" + api));
		assertThat(row("1.0.0").findElement(By.className("past-sunset")).getText()).isEqualTo("past sunset");
		browser.get(url("/services/" + consumer));
		assertThat(browser.findElement(By.cssSelector("#consumed-apis tr[data-api='" + api + "']")).getText())
			.contains("1", "1.0.0", "past sunset (" + sunset + ")");
		WebElement violation = browser
			.findElement(By.cssSelector("#service-violations li[data-type='api-past-sunset']"));
		assertThat(violation.getText()).contains(consumer + " consumes major 1 of " + api, "passed its sunset on");
		assertThat(violation.findElement(By.className("suggested-api")).getAttribute("href")).endsWith("/apis/" + api);
	}

	@Test
	void theVersionPageListsTheOperationsWithoutJavaScriptAndShowsOtherContractsAsText() {
		String service = service(team(), 3);
		String pets = registered(service);
		created(this.api.post("/api/v1/apis/" + pets + "/versions", Map.of("version", "1.0.0", "spec", PETS_1_0)));
		String events = unique("events");
		created(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", events, "type", "asyncapi", "visibility", "internal")));
		created(this.api.post("/api/v1/apis/" + events + "/versions",
				Map.of("version", "0.1.0", "spec", "asyncapi: 2.6.0\ninfo:\n  title: Pet events\n")));
		String reader = userWithPassword(PASSWORD);

		signIn(reader, PASSWORD);
		ApiClient.Reply page = fetchInThisSession("/apis/" + pets + "/versions/1.0.0");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("<tr data-method=\"GET\" data-path=\"/pets\">", "List the pets",
					"<tr data-method=\"GET\" data-path=\"/pets/{id}\">", "Read one pet", "OpenAPI 3.0.3")
			.containsPattern("<script src=\"/webjars/swagger-ui/[0-9.]+/swagger-ui-bundle.js\" defer>");
		ApiClient.Reply spec = fetchInThisSession("/apis/" + pets + "/versions/1.0.0/spec");
		assertThat(spec.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(spec.body()).isEqualTo(PETS_1_0);
		assertThat(fetchInThisSession("/webjars/swagger-ui/swagger-ui.css").status()).isEqualTo(200);

		browser.get(url("/apis/" + events + "/versions/0.1.0"));
		assertThat(browser.findElement(By.id("contract-document")).getText()).contains("asyncapi: 2.6.0",
				"title: Pet events");
		assertThat(absent(By.id("swagger-ui"))).isTrue();
		assertThat(absent(By.id("publish-form"))).as("not of the owning team").isTrue();

		browser.findElement(By.linkText("APIs")).click();
		waitForUrl("/apis");
		browser.findElement(By.id("filter-service")).sendKeys(service);
		browser.findElement(By.id("filter-type")).sendKeys("asyncapi");
		browser.findElement(By.id("filter-button")).click();
		waitForUrl("type=asyncapi");
		assertThat(browser.findElements(By.cssSelector("#api-list tbody tr"))).singleElement()
			.satisfies(row -> assertThat(row.getText()).contains(events, service, "asyncapi", "internal", "0.1.0"));
	}

	private String registered(String service) {
		String api = unique("pets");
		created(this.api.post("/api/v1/services/" + service + "/apis",
				Map.of("name", api, "type", "openapi", "visibility", "internal")));
		return api;
	}

	private static void publish(String version, String spec) {
		browser.findElement(By.id("version-number")).sendKeys(version);
		WebElement document = browser.findElement(By.id("version-spec"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", document, spec);
		browser.findElement(By.id("publish-version")).click();
	}

	private void publish(String api, String version, String spec) {
		browser.get(url("/apis/" + api));
		publish(version, spec);
	}

	private static WebElement row(String version) {
		return browser.findElement(By.cssSelector("#api-versions tr[data-version='" + version + "']"));
	}

}
