package dev.steward.data.web;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.steward.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class DataPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "a data pages browser password";

	@Test
	void aDatastoreShowsItsSchemaHistoryAndTheForeignServiceThatReadsItDirectly() {
		String ana = userWithPassword(PASSWORD);
		String owner = service(team("stream", List.of(Map.of("user", ana, "role", "member"))), 1);
		String reader = service(team(), 2);
		String api = unique("ledger");
		created(this.api.post("/api/v1/services/" + owner + "/apis",
				Map.of("name", api, "type", "openapi", "visibility", "internal")));
		String datastore = unique("ledger-db");
		created(this.api.post("/api/v1/datastores",
				Map.of("name", datastore, "owner", owner, "kind", "postgresql", "classification", "confidential", "pii",
						true, "retentionDays", 365, "backupPolicy", "Nightly snapshots, kept 30 days", "accessPatterns",
						Map.of("readsPerSecond", 200, "writesPerSecond", 20, "description", "Mostly point reads"))));
		created(this.api.post("/api/v1/datastores/" + datastore + "/schemas", Map.of("name", "accounts", "version",
				"V1", "document", "create table accounts (id bigint primary key);")));
		created(this.api.post("/api/v1/datastores/" + datastore + "/schemas", Map.of("name", "accounts", "version",
				"V2", "document", "alter table accounts add column holder varchar(200);")));
		assertThat(this.api
			.put("/api/v1/services/" + reader + "/datastore-access/" + datastore,
					Map.of("mode", "read", "note", "Nightly revenue report"))
			.status()).isEqualTo(201);

		signIn(ana, PASSWORD);
		browser.findElement(By.linkText("Data")).click();
		waitForUrl("/datastores");
		browser.findElement(By.id("filter-owner")).sendKeys(owner);
		browser.findElement(By.id("filter-button")).click();
		waitForUrl("owner=" + owner);
		WebElement listed = browser
			.findElement(By.cssSelector("#datastore-list tr[data-datastore='" + datastore + "']"));
		assertThat(listed.getText()).contains(owner, "postgresql", "confidential", "PII", "365 days");
		listed.findElement(By.linkText(datastore)).click();
		waitForUrl("/datastores/" + datastore);

		assertThat(browser.findElement(By.id("datastore-pii")).getText()).isEqualTo("holds PII");
		assertThat(browser.findElement(By.id("datastore-backups")).getText())
			.isEqualTo("Nightly snapshots, kept 30 days");
		assertThat(browser.findElement(By.id("access-patterns")).getText()).contains("200.0 per second at peak",
				"20.0 per second at peak", "Mostly point reads");
		assertThat(browser.findElements(By.cssSelector("#schema-history tbody tr"))
			.stream()
			.map(row -> row.getAttribute("data-version"))).containsExactly("V2", "V1");
		WebElement access = browser.findElement(By.cssSelector("#direct-access tr[data-service='" + reader + "']"));
		assertThat(access.getText()).contains("read", "Nightly revenue report", "violation: not the owner");
		WebElement violation = browser.findElement(By.cssSelector("#datastore-violations li"));
		assertThat(violation.getText())
			.contains(reader + " reads datastore " + datastore + " of " + owner + " directly");
		assertThat(violation.findElement(By.className("suggested-api")).getText()).isEqualTo(api);

		browser.findElement(By.cssSelector("#schema-history tr[data-version='V1'] .schema-link")).click();
		waitForUrl("/schemas/accounts/versions/V1");
		assertThat(browser.findElement(By.id("schema-document")).getText())
			.isEqualTo("create table accounts (id bigint primary key);");
	}

	@Test
	void theServicePageShowsItsDataAndTheViolationsOnBothSides() {
		String ana = userWithPassword(PASSWORD);
		String owner = service(team(), 1);
		String reader = service(team("stream", List.of(Map.of("user", ana, "role", "member"))), 2);
		String api = unique("orders");
		created(this.api.post("/api/v1/services/" + owner + "/apis",
				Map.of("name", api, "type", "openapi", "visibility", "internal")));
		String datastore = unique("orders-db");
		created(this.api.post("/api/v1/datastores", Map.of("name", datastore, "owner", owner, "kind", "mysql",
				"classification", "internal", "pii", false)));
		assertThat(
				this.api.put("/api/v1/services/" + reader + "/datastore-access/" + datastore, Map.of("mode", "write"))
					.status())
			.isEqualTo(201);
		JsonNode reported = ok(this.api.get("/api/v1/violations?service=" + reader)).json().path("items");

		signIn(ana, PASSWORD);
		browser.get(url("/services/" + reader));
		List<WebElement> shown = browser.findElements(By.cssSelector("#service-violations li"));
		assertThat(shown).hasSize(reported.size());
		WebElement violation = browser
			.findElement(By.cssSelector("#service-violations li[data-subject='" + datastore + "']"));
		assertThat(violation.getAttribute("data-side")).isEqualTo("commits");
		assertThat(violation.getText()).contains(reported.get(0).path("detail").asString(), "against " + owner);
		assertThat(browser.findElement(By.cssSelector("#declared-access tr[data-datastore='" + datastore + "']"))
			.getText()).contains(owner, "write", "violation: not the owner");
		assertThat(browser.findElement(By.id("no-owned-datastores")).isDisplayed()).isTrue();

		violation.findElement(By.linkText(api)).click();
		waitForUrl("/apis/" + api);
		browser.findElement(By.id("api-service")).click();
		waitForUrl("/services/" + owner);
		assertThat(browser.findElement(By.cssSelector("#service-violations li[data-subject='" + datastore + "']"))
			.getAttribute("data-side")).isEqualTo("suffers");
		assertThat(browser.findElement(By.cssSelector("#owned-datastores tr[data-datastore='" + datastore + "']"))
			.getText()).contains("mysql", "internal");
		assertThat(browser.findElement(By.cssSelector("#exposed-apis tr[data-api='" + api + "']")).getText())
			.contains("openapi", "none published");
		assertThat(absent(By.id("register-api"))).as("not of the owning team").isTrue();

		browser.get(url("/services/" + service(team(), 3)));
		assertThat(absent(By.id("service-violations"))).isTrue();
	}

}
