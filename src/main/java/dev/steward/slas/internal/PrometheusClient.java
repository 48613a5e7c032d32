package dev.steward.slas.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Asks a Prometheus server's HTTP API for range queries
 * ({@code GET /api/v1/query_range}), answering within {@value #TIMEOUT_SECONDS} seconds.
 */
@Component
public class PrometheusClient {

	static final int TIMEOUT_SECONDS = 10;

	private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final JsonMapper json;

	PrometheusClient(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The value of {@code query} at {@code start}, {@code start + step}, … up to
	 * {@code end} (epoch seconds), summed over the series it returns, by evaluation time;
	 * times without a value (no series, or NaN) are missing.
	 */
	public Map<Long, Double> range(String baseUrl, String query, long start, long end, Duration step) throws Failure {
		String url = baseUrl.replaceAll("/+$", "") + "/api/v1/query_range?query=" + encode(query) + "&start=" + start
				+ "&end=" + end + "&step=" + step.toSeconds() + "s";
		HttpResponse<String> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(TIMEOUT)
				.header("Accept", "application/json")
				.header("User-Agent", "Steward")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new Failure("Prometheus did not answer within " + TIMEOUT_SECONDS + " s");
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new Failure("Prometheus could not be reached: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : " " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failure("Interrupted while asking Prometheus");
		}
		JsonNode body;
		try {
			body = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new Failure("Prometheus answered HTTP " + response.statusCode() + " without JSON");
		}
		if (response.statusCode() != 200 || !"success".equals(body.path("status").asString(""))) {
			throw new Failure("Prometheus answered HTTP " + response.statusCode() + ": "
					+ body.path("errorType").asString("") + " " + body.path("error").asString(""));
		}
		if (!"matrix".equals(body.path("data").path("resultType").asString(""))) {
			throw new Failure("Prometheus answered a " + body.path("data").path("resultType").asString("?")
					+ " where a range query answers a matrix");
		}
		Map<Long, Double> values = new TreeMap<>();
		for (JsonNode series : body.path("data").path("result")) {
			for (JsonNode point : series.path("values")) {
				double value = parse(point.path(1).asString(""));
				if (!Double.isNaN(value) && !Double.isInfinite(value)) {
					values.merge(Math.round(point.path(0).asDouble()), value, Double::sum);
				}
			}
		}
		return values;
	}

	private static double parse(String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Why a query failed, said so that the SLO can show it. */
	public static class Failure extends Exception {

		public Failure(String message) {
			super(message);
		}

	}

}
