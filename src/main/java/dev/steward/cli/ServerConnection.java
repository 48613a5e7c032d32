package dev.steward.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine.Option;

/**
 * The options every command that talks to a server shares: where it is and the token to
 * use.
 */
class ServerConnection {

	@Option(names = "--server", defaultValue = "${env:STEWARD_URL:-http://localhost:8080}",
			description = "Steward's address (env STEWARD_URL; default: ${DEFAULT-VALUE}).")
	String server;

	@Option(names = "--token", defaultValue = "${env:STEWARD_TOKEN}", description = "API token (env STEWARD_TOKEN).")
	String token;

	private final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	/** A value encoded for a URL's path segment or query. */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.replaceAll("/+$", "") + path))
			.header("Accept", "application/json");
		if (this.token != null && !this.token.isBlank()) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
