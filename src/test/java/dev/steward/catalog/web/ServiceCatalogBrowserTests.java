package dev.steward.catalog.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.steward.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCatalogBrowserTests extends BrowserTest {

	@Test
	void walksFromTheServiceListToAServicePage() {
		String owner = team();
		String dba = team("shared", List.of());
		String word = unique("kestrel");
		String payments = unique("svc");
		created(this.api.post("/api/v1/services", Map.of("name", payments, "title", "Payments " + word, "owner", owner,
				"tier", 1, "lifecycle", "production", "responsibilities", List.of("Takes card payments"))));
		String promotions = service(owner, 4);
		created(this.api.put("/api/v1/services/" + payments + "/dependencies/" + promotions,
				Map.of("criticality", "hard")));
		this.api.put("/api/v1/services/" + payments + "/responsibilities/databases", Map.of("handledBy", dba));

		browser.manage().deleteAllCookies();
		browser.get(url("/services"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		signIn(userWithPassword("correct horse battery"), "correct horse battery");
		browser.get(url("/services"));

		WebElement search = browser.findElement(By.id("q"));
		search.sendKeys(word);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> driver.findElements(By.cssSelector("#results tbody tr")).size() == 1);
		browser.findElement(By.linkText("Payments " + word)).click();

		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/services/" + payments));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Payments " + word);
		assertThat(browser.findElement(By.id("owner")).getText()).isEqualTo("Team " + owner);
		assertThat(browser.findElement(By.id("tier")).getText()).isEqualTo("Tier 1");
		assertThat(browser.findElement(By.id("business-responsibilities")).getText()).contains("Takes card payments");
		assertThat(browser.findElement(By.id("dependencies")).getText()).contains(promotions)
			.contains("tier inversion");
		List<WebElement> rows = browser.findElements(By.cssSelector("#responsibilities tbody tr"));
		assertThat(rows).hasSize(14);
		assertThat(rows.get(13).getText()).contains("Databases").contains(dba).contains("pending");
		assertThat(rows.get(0).getText()).contains("API design").contains(owner).contains("owner");
		assertThat(browser.findElement(By.id("ownership-history")).getText())
			.contains("registered with owner " + owner);

		browser.findElement(By.id("owner")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/teams/" + owner));
		assertThat(browser.findElement(By.id("owned")).getText()).contains("Payments " + word);
	}

}
