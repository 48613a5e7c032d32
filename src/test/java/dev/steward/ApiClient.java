package dev.steward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to a running Steward like any other client. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	public ApiClient(String base, String token) {
		this.base = base;
		this.token = token;
	}

	public ApiClient withToken(String other) {
		return new ApiClient(this.base, other);
	}

	public Reply get(String path) {
		return send("GET", path, null, Map.of());
	}

	public Reply post(String path, Object body) {
		return send("POST", path, body, Map.of());
	}

	public Reply put(String path, Object body) {
		return send("PUT", path, body, Map.of());
	}

	public Reply patch(String path, Object body) {
		return send("PATCH", path, body, Map.of("Content-Type", "application/merge-patch+json"));
	}

	public Reply delete(String path) {
		return send("DELETE", path, null, Map.of());
	}

	/** Sends a request; a {@code String} body goes out as is, anything else as JSON. */
	public Reply send(String method, String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (!headers.containsKey("Content-Type") && body != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
		request.method(method,
				text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One answer: status, headers and body, with the body parsed as JSON on demand. */
	public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.flatMap(entry -> entry.getValue().stream())
				.findFirst();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
