package dev.steward.access;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.steward.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class TokenPagesBrowserTests extends BrowserTest {

	@Test
	void signsInCreatesATokenSeesItOnceAndRevokesIt() {
		String user = userWithPassword("a browser-tested password");
		signIn(user, "a browser-tested password");
		assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(user);

		browser.findElement(By.linkText("My tokens")).click();
		browser.findElement(By.id("token-name")).sendKeys("deploy-pipeline");
		browser.findElement(By.id("scope-write")).click();
		browser.findElement(By.id("create-token-button")).click();

		String token = browser.findElement(By.id("new-token")).getAttribute("value");
		assertThat(token).startsWith("stw_");
		assertThat(this.api.withToken(token).get("/api/v1/services").status()).isEqualTo(200);
		assertThat(browser.findElement(By.id("token-list")).getText()).contains("deploy-pipeline")
			.contains("write")
			.doesNotContain(token);

		browser.navigate().refresh();
		assertThat(browser.findElements(By.id("new-token"))).as("the secret is shown only once").isEmpty();

		browser.findElement(By.id("revoke-deploy-pipeline")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-list"), "revoked"));
		assertThat(this.api.withToken(token).get("/api/v1/services").status()).isEqualTo(401);

		browser.findElement(By.id("sign-out")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
		browser.get(url("/tokens"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

}
