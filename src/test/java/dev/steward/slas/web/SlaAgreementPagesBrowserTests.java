package dev.steward.slas.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import dev.steward.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

class SlaAgreementPagesBrowserTests extends BrowserTest {

	private static final String PASSWORD = "an agreement browser password";

	@Test
	void theConsumerProposesFromTheServicePageTheProviderCountersAndTheConsumerAccepts() {
		String carla = userWithPassword(PASSWORD);
		String paul = userWithPassword(PASSWORD);
		String consumer = service(team("stream", List.of(Map.of("user", carla, "role", "member"))), 2);
		String provider = service(team("stream", List.of(Map.of("user", paul, "role", "lead"))), 2);

		signIn(carla, PASSWORD);
		browser.get(url("/services/" + consumer));
		assertThat(browser.findElement(By.id("service-sla-agreements")).getText())
			.contains("No SLA agreement is active or proposed.");
		browser.findElement(By.id("all-agreements")).click();
		waitForUrl("/sla-agreements?service=" + consumer);
		browser.findElement(By.id("propose-provider")).clear();
		browser.findElement(By.id("propose-provider")).sendKeys(provider);
		browser.findElement(By.id("propose-consumer")).sendKeys(consumer);
		new Select(browser.findElement(By.id("objective-indicator-0"))).selectByValue("availability");
		browser.findElement(By.id("objective-value-0")).sendKeys("99.9");
		browser.findElement(By.id("objective-window-0")).sendKeys("P30D");
		browser.findElement(By.id("propose-button")).click();
		waitFor(By.id("agreement-status"));
		String agreement = browser.getCurrentUrl().replaceAll(".*/sla-agreements/", "");
		assertThat(browser.findElement(By.id("agreement-status")).getText()).isEqualTo("proposed");
		assertThat(absent(By.id("accept-agreement"))).as("the proposer's side may not accept").isTrue();
		assertThat(absent(By.id("counter-form"))).isTrue();
		assertThat(browser.findElement(By.id("withdraw-agreement")).isDisplayed()).isTrue();

		signIn(paul, PASSWORD);
		browser.get(url("/services/" + provider));
		browser.findElement(By.cssSelector("#open-agreements a[href$='/sla-agreements/" + agreement + "']")).click();
		waitFor(By.id("counter-form"));
		browser.findElement(By.id("objective-value-0")).clear();
		browser.findElement(By.id("objective-value-0")).sendKeys("99.5");
		browser.findElement(By.id("counter-agreement")).click();
		awaitNotice("You proposed version 2 of agreement #" + agreement + " to the consumer side.");
		assertThat(absent(By.id("accept-agreement"))).isTrue();

		signIn(carla, PASSWORD);
		browser.get(url("/sla-agreements/" + agreement));
		browser.findElement(By.id("accept-agreement")).click();
		awaitNotice("Agreement #" + agreement + " is active.");
		assertThat(browser.findElement(By.id("agreement-status")).getText()).isEqualTo("active");
		assertThat(browser.findElement(By.id("agreement-objectives")).getText()).contains("99.5 %", "unmeasured");
		assertThat(browser.findElements(By.cssSelector("#agreement-history li")))
			.extracting(item -> item.getDomAttribute("data-action"))
			.containsExactly("proposed", "countered", "accepted");
	}

}
