package dev.steward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP endpoint for webhook deliveries (notifications, Slack, deployment hooks):
 * records every request and answers with the statuses it was told to, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * One received request: path, headers (names in lower case), the body as sent and
	 * parsed as JSON.
	 */
	public record Request(String path, Map<String, String> headers, String rawBody, JsonNode body) {

		public String contentType() {
			return header("Content-Type").orElse(null);
		}

		public Optional<String> header(String name) {
			return Optional.ofNullable(this.headers.get(name.toLowerCase(Locale.ROOT)));
		}

	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Answers the next requests with these statuses, in order. */
	public void answer(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public List<Request> requests(String path) {
		return this.requests.stream().filter(request -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		this.requests
			.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(headers), body, JSON.readTree(body)));
		Integer status = this.statuses.poll();
		exchange.sendResponseHeaders(status == null ? 200 : status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
