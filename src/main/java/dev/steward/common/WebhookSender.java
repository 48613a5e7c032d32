package dev.steward.common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Posts a JSON document to a webhook, which must answer 2xx within
 * {@value #TIMEOUT_SECONDS} seconds; a failure says whether trying again could help.
 */
@Component
public class WebhookSender {

	public static final int TIMEOUT_SECONDS = 5;

	private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	/**
	 * Posts {@code json} with the extra {@code headers}; {@code receiver} names the
	 * target in failure messages ("webhook", "Slack webhook").
	 */
	public void post(String url, String json, Map<String, String> headers, String receiver) throws Failure {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Steward")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		int status;
		try {
			status = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (HttpTimeoutException ex) {
			throw new Failure("The " + receiver + " did not answer within " + TIMEOUT_SECONDS + " s", false);
		}
		catch (IOException ex) {
			throw new Failure("The " + receiver + " could not be reached: " + ex.getClass().getSimpleName(), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failure("Interrupted while sending to the " + receiver, false);
		}
		if (status < 200 || status > 299) {
			boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
			throw new Failure("The " + receiver + " answered HTTP " + status, refused);
		}
	}

	/** Why a post failed; {@code permanent} when the receiver refused it for good. */
	public static class Failure extends Exception {

		private final boolean permanent;

		public Failure(String message, boolean permanent) {
			super(message);
			this.permanent = permanent;
		}

		public boolean permanent() {
			return this.permanent;
		}

	}

}
