package dev.steward.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.steward.ApiClient;
import dev.steward.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Base of browser tests: real headless Chromium driven through Debian's chromedriver
 * against the running server. Where the binaries are absent (a developer machine without
 * them) the tests are skipped with a message; CI installs them.
 */
@Tag("browser")
public abstract class BrowserTest extends ApiTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** The web session's cookie ({@code server.servlet.session.cookie.name}). */
	private static final String SESSION_COOKIE = "STEWARD_SESSION";

	protected static WebDriver browser;

	@BeforeAll
	static void startBrowser() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("steward-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** Creates a user with a password, through the API as the administrator. */
	protected String userWithPassword(String password) {
		String name = user();
		assertThat(this.api.put("/api/v1/users/" + name + "/password", Map.of("password", password)).status())
			.isEqualTo(204);
		return name;
	}

	/** Signs out whoever is signed in, then signs in through the sign-in page. */
	protected void signIn(String user, String password) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/services"));
	}

	/**
	 * Fetches a path with the browser's session cookie, as the page's own requests do.
	 */
	protected ApiClient.Reply fetchInThisSession(String path) {
		String session = SESSION_COOKIE + "=" + browser.manage().getCookieNamed(SESSION_COOKIE).getValue();
		return new ApiClient(url(""), null).send("GET", path, null, Map.of("Cookie", session));
	}

	/**
	 * Downloads a calendar feed with the browser's session cookie, as a click on its link
	 * would, and answers its text.
	 */
	protected String downloadInThisSession(String path) {
		return downloadInThisSession(path, "text/calendar");
	}

	/**
	 * Downloads a file of {@code mediaType} with the browser's session cookie, as a click
	 * on its link would, and answers its text.
	 */
	protected String downloadInThisSession(String path, String mediaType) {
		ApiClient.Reply file = fetchInThisSession(path);
		assertThat(file.status()).as(file.toString()).isEqualTo(200);
		assertThat(file.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(mediaType));
		assertThat(file.header("Content-Disposition"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
		return file.body();
	}

	/** Whether nothing matches, asked without waiting for something to appear. */
	protected static boolean absent(By locator) {
		browser.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return browser.findElements(locator).isEmpty();
		}
		finally {
			browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		}
	}

	protected static void waitForUrl(String part) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
	}

	/**
	 * Waits until the page after a form post shows {@code notice}, finding the notice
	 * afresh each time, since the page before the post may still show an earlier one.
	 */
	protected static void awaitNotice(String notice) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("flash-notice"), notice));
	}

	protected static WebElement waitFor(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

}
