package dev.steward.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in through the web form like a browser: a session cookie and the form's CSRF
 * token.
 */
final class WebSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	WebSignIn(String base) {
		this(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), base);
	}

	private WebSignIn(HttpClient http, String base) {
		this.http = http;
		this.base = base;
	}

	/**
	 * The same browser, with its cookies, talking to another node (as a load balancer may
	 * send it).
	 */
	WebSignIn at(String otherBase) {
		return new WebSignIn(this.http, otherBase);
	}

	/**
	 * Posts the sign-in form; answers the response (a redirect on success and on
	 * failure).
	 */
	HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
		return post("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrfToken(get("/login").body())));
	}

	/** Presses "Sign out" on a page the browser was given (by whichever node). */
	HttpResponse<String> signOut(String page) throws IOException, InterruptedException {
		return post("/logout", "_csrf=" + encode(csrfToken(page)));
	}

	/** Posts a form without a CSRF token, as a forged cross-site request would. */
	HttpResponse<String> postWithoutCsrf(String path, String form) throws IOException, InterruptedException {
		return post(path, form);
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String csrfToken(String page) {
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("The page carries no CSRF token");
		}
		return csrf.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
