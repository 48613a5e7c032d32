import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Loads a large synthetic catalog into a running Steward server through its public API:
 * teams, then services owned by them, then distinct dependency edges between services.
 *
 * <pre>
 * java bench/catalog/CatalogLoader.java --url http://127.0.0.1:8080 --token T \
 *     [--teams 1000] [--services 10000] [--dependencies 50000] [--concurrency 16] [--seed 42]
 * </pre>
 *
 * Uses only the JDK: one HttpClient (HTTP/1.1), one virtual thread per request and a
 * semaphore bounding the requests in flight. Any answer other than 2xx aborts the run
 * with exit status 1 after printing the request, status and body.
 */
public class CatalogLoader {

	static final String[] DOMAINS = { "payments", "ledger", "checkout", "cart", "inventory", "shipping", "search",
			"catalog", "identity", "session", "pricing", "promotions", "billing", "invoicing", "notifications",
			"email", "recommendations", "reviews", "orders", "returns", "fraud", "loyalty", "analytics", "reporting",
			"warehouse", "fulfilment", "tax", "currency", "subscriptions", "media" };

	static final String[] KINDS = { "api", "worker", "gateway", "store", "indexer", "scheduler", "adapter", "proxy",
			"cache", "stream" };

	static final String[] ADJECTIVES = { "Resilient", "Legacy", "Realtime", "Batch", "Internal", "Public", "Regional",
			"Global", "Async", "Streaming" };

	static final String[] PHRASES = { "Handles customer-facing requests", "Consumes events from Kafka",
			"Writes to a PostgreSQL cluster", "Exposes a gRPC interface to partners", "Runs nightly reconciliation",
			"Caches hot reads in Redis", "Publishes webhooks to merchants", "Owns the canonical record",
			"Scales horizontally behind the load balancer", "Migrating away from the monolith" };

	static final String[] LIFECYCLES = { "production", "production", "production", "experimental", "deprecated" };

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		CatalogLoader loader = new CatalogLoader(options);
		loader.run();
	}

	private final Options options;

	private final HttpClient http;

	private final String[] teamNames;

	private final String[] serviceNames;

	private final AtomicInteger transportErrors = new AtomicInteger();

	CatalogLoader(Options options) {
		this.options = options;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.teamNames = new String[options.teams];
		for (int i = 0; i < options.teams; i++) {
			this.teamNames[i] = String.format(Locale.ROOT, "team-%04d", i);
		}
		this.serviceNames = new String[options.services];
		for (int i = 0; i < options.services; i++) {
			// e.g. "payments-api-00042": the domain and kind words are searchable in the name too
			this.serviceNames[i] = String.format(Locale.ROOT, "%s-%s-%05d", DOMAINS[i % DOMAINS.length],
					KINDS[(i / DOMAINS.length) % KINDS.length], i);
		}
	}

	void run() throws Exception {
		if (this.options.dependencies > (long) this.options.services * (this.options.services - 1) / 2) {
			fail("--dependencies " + this.options.dependencies + " is more than " + this.options.services
					+ " services can have without cycles or duplicates");
		}
		System.out.printf(Locale.ROOT, "Loading %d teams, %d services, %d dependencies into %s (concurrency %d)%n",
				this.options.teams, this.options.services, this.options.dependencies, this.options.url,
				this.options.concurrency);
		long start = System.nanoTime();
		phase("teams", this.options.teams, i -> post("/api/v1/teams", teamJson(i)));
		phase("services", this.options.services, i -> post("/api/v1/services", serviceJson(i)));
		long[] edges = edges();
		phase("dependencies", edges.length, i -> {
			int consumer = (int) (edges[i] >>> 32);
			int provider = (int) edges[i];
			String criticality = (i % 3 == 0) ? "hard" : "soft";
			return put("/api/v1/services/" + this.serviceNames[consumer] + "/dependencies/"
					+ this.serviceNames[provider], "{\"criticality\":\"" + criticality + "\"}");
		});
		double total = seconds(System.nanoTime() - start);
		int listed = countServices();
		System.out.printf(Locale.ROOT,
				"TOTAL %d requests in %.1f s; services listed afterwards: %d; requests sent again after no answer: %d%n",
				this.options.teams + this.options.services + edges.length, total, listed, this.transportErrors.get());
		if (listed < this.options.services) {
			fail("expected at least " + this.options.services + " services, the list answered " + listed);
		}
	}

	/** Runs {@code count} requests with bounded concurrency and prints their figures. */
	void phase(String name, int count, IntFunction<HttpRequest> request) throws InterruptedException {
		Semaphore permits = new Semaphore(this.options.concurrency);
		long[] latencies = new long[count];
		AtomicInteger created = new AtomicInteger();
		AtomicInteger otherOk = new AtomicInteger();
		AtomicInteger recovered = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				permits.acquire();
				int index = i;
				threads.submit(() -> {
					try {
						HttpRequest r = request.apply(index);
						long sent = System.nanoTime();
						Answer answer = send(r);
						latencies[index] = System.nanoTime() - sent;
						if (answer.status() == 201) {
							created.incrementAndGet();
						}
						else if (answer.attempts() > 1 && (answer.status() == 409 || answer.status() == 200)) {
							// the attempt whose answer was lost did create it
							recovered.incrementAndGet();
						}
						else {
							otherOk.incrementAndGet();
						}
					}
					catch (Throwable ex) {
						fail(name + " request " + index + " failed: " + ex);
					}
					finally {
						permits.release();
					}
				});
			}
		}
		double elapsed = seconds(System.nanoTime() - start);
		Arrays.sort(latencies);
		System.out.printf(Locale.ROOT,
				"%-13s %6d requests (%d created, %d created by an attempt whose answer was lost, %d other 2xx) "
						+ "in %6.1f s = %7.1f req/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				name, count, created.get(), recovered.get(), otherOk.get(), elapsed, count / elapsed,
				millis(latencies, 0.50), millis(latencies, 0.95), millis(latencies, 0.99), millis(latencies, 1.0));
		if (otherOk.get() > 0) {
			fail(otherOk.get() + " " + name + " requests answered 2xx but not 201 Created (duplicates?)");
		}
	}

	/** A final answer and how many attempts it took. */
	record Answer(int status, String body, int attempts) {
	}

	/**
	 * Sends a request; fails the run on any non-2xx answer. Only when no answer at all
	 * arrives (connection closed or reset) is the request sent again, at most twice, with
	 * a warning; a 409 Conflict to such a repeated POST is then accepted, since the lost
	 * attempt may have created the entity.
	 */
	Answer send(HttpRequest request) {
		for (int attempt = 1;; attempt++) {
			HttpResponse<String> response;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException ex) {
				this.transportErrors.incrementAndGet();
				System.err.printf(Locale.ROOT, "WARNING: %s %s attempt %d got no answer: %s%n", request.method(),
						request.uri(), attempt, ex);
				if (attempt >= 3) {
					fail(request.method() + " " + request.uri() + " got no answer in " + attempt + " attempts");
				}
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail(request.method() + " " + request.uri() + " interrupted");
				return null;
			}
			int status = response.statusCode();
			boolean lostCreate = attempt > 1 && status == 409 && "POST".equals(request.method());
			if (status / 100 != 2 && !lostCreate) {
				fail(request.method() + " " + request.uri() + " answered " + status + ":\n" + response.body());
			}
			return new Answer(status, response.body(), attempt);
		}
	}

	/** Prints the reason and ends the whole program with status 1. */
	static void fail(String message) {
		System.out.flush();
		System.err.println("FAILED: " + message);
		System.err.flush();
		Runtime.getRuntime().halt(1);
	}

	HttpRequest post(String path, String json) {
		return builder(path).POST(HttpRequest.BodyPublishers.ofString(json)).build();
	}

	HttpRequest put(String path, String json) {
		return builder(path).PUT(HttpRequest.BodyPublishers.ofString(json)).build();
	}

	HttpRequest.Builder builder(String path) {
		return HttpRequest.newBuilder(URI.create(this.options.url + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.options.token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
	}

	String teamJson(int i) {
		String domain = DOMAINS[i % DOMAINS.length];
		String kind = (i % 10 == 0) ? "shared" : "stream";
		return "{\"name\":\"" + this.teamNames[i] + "\",\"title\":\"" + capitalize(domain) + " team " + i
				+ "\",\"kind\":\"" + kind + "\"}";
	}

	String serviceJson(int i) {
		String domain = DOMAINS[i % DOMAINS.length];
		String kind = KINDS[(i / DOMAINS.length) % KINDS.length];
		String adjective = ADJECTIVES[(i / 7) % ADJECTIVES.length];
		String title = adjective + " " + capitalize(domain) + " " + capitalize(kind) + " " + i;
		String description = PHRASES[i % PHRASES.length] + " for the " + domain + " domain. "
				+ PHRASES[(i + 1 + (i / 10) % 9) % PHRASES.length] + ".";
		// owners spread evenly; tiers 1..4 with more services in the lower tiers (10/20/30/40 %)
		String owner = this.teamNames[(int) ((i * 7919L) % this.options.teams)];
		int r = i % 10;
		int tier = r < 1 ? 1 : r < 3 ? 2 : r < 6 ? 3 : 4;
		String lifecycle = LIFECYCLES[(i / 11) % LIFECYCLES.length];
		return "{\"name\":\"" + this.serviceNames[i] + "\",\"title\":\"" + title + "\",\"description\":\""
				+ description + "\",\"owner\":\"" + owner + "\",\"tier\":" + tier + ",\"lifecycle\":\"" + lifecycle
				+ "\",\"tags\":[\"" + domain + "\",\"" + kind + "\"]}";
	}

	/**
	 * Distinct consumer → provider pairs, encoded as {@code consumer << 32 | provider};
	 * the consumer always has the higher index, so there are no self-edges and no cycles.
	 */
	long[] edges() {
		Random random = new Random(this.options.seed);
		int n = this.options.services;
		Set<Long> seen = new HashSet<>();
		List<Long> edges = new ArrayList<>(this.options.dependencies);
		while (edges.size() < this.options.dependencies) {
			int a = random.nextInt(n);
			int b = random.nextInt(n);
			if (a == b) {
				continue;
			}
			long edge = ((long) Math.max(a, b) << 32) | Math.min(a, b);
			if (seen.add(edge)) {
				edges.add(edge);
			}
		}
		return edges.stream().mapToLong(Long::longValue).toArray();
	}

	/** Pages through GET /api/v1/services with the largest page size and counts items. */
	int countServices() {
		int count = 0;
		String cursor = null;
		do {
			String body = send(
					builder("/api/v1/services?limit=500" + (cursor == null ? "" : "&cursor=" + cursor)).GET().build())
				.body();
			// minimal JSON reading: each item has exactly one "owner" field
			int at = 0;
			while ((at = body.indexOf("\"owner\":", at)) >= 0) {
				count++;
				at++;
			}
			int c = body.indexOf("\"nextCursor\":\"");
			cursor = c < 0 ? null : body.substring(c + 14, body.indexOf('"', c + 14));
		}
		while (cursor != null);
		return count;
	}

	static String capitalize(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	static double seconds(long nanos) {
		return nanos / 1e9;
	}

	static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	record Options(String url, String token, int teams, int services, int dependencies, int concurrency, long seed) {

		static Options parse(String[] args) {
			String url = null;
			String token = System.getenv("STEWARD_TOKEN");
			int teams = 1000;
			int services = 10000;
			int dependencies = 50000;
			int concurrency = 16;
			long seed = 42;
			for (int i = 0; i < args.length; i++) {
				String value = i + 1 < args.length ? args[i + 1] : null;
				switch (args[i]) {
					case "--url" -> url = value;
					case "--token" -> token = value;
					case "--teams" -> teams = Integer.parseInt(value);
					case "--services" -> services = Integer.parseInt(value);
					case "--dependencies" -> dependencies = Integer.parseInt(value);
					case "--concurrency" -> concurrency = Integer.parseInt(value);
					case "--seed" -> seed = Long.parseLong(value);
					default -> usage("unknown argument " + args[i]);
				}
				i++;
			}
			if (url == null || token == null || token.isBlank()) {
				usage("--url and --token (or STEWARD_TOKEN) are required");
			}
			if (teams < 1 || services < 2 || dependencies < 0 || concurrency < 1) {
				usage("--teams must be >= 1, --services >= 2, --dependencies >= 0, --concurrency >= 1");
			}
			while (url.endsWith("/")) {
				url = url.substring(0, url.length() - 1);
			}
			return new Options(url, token, teams, services, dependencies, concurrency, seed);
		}

		static void usage(String problem) {
			System.err.println(problem);
			System.err.println("usage: java bench/catalog/CatalogLoader.java --url http://127.0.0.1:PORT --token T "
					+ "[--teams 1000] [--services 10000] [--dependencies 50000] [--concurrency 16] [--seed 42]");
			System.exit(2);
		}

	}

}
