import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paging latency: the time from sending a trigger event to Steward until the notification
 * email about the incident it opened is accepted by the mail server.
 *
 * <p>
 * Runs a minimal SMTP server itself (220 greeting, EHLO/HELO 250, MAIL/RCPT 250, DATA 354
 * … "." 250, RSET/NOOP 250, QUIT 221; no TLS, no AUTH) on 127.0.0.1:{@code --smtp-port}
 * and records, for each message, the moment it received the final "." of DATA and the
 * incident number from its subject ({@code [Steward] HIGH #<number> <service>: <title>}).
 * Steward must be started with {@code spring.mail.host=127.0.0.1} and
 * {@code spring.mail.port=<smtp port>}, and the service of {@code --routing-key} must have an
 * escalation policy that pages a user by email at once.
 *
 * <p>
 * Meanwhile it sends {@code --rate} trigger events a second for {@code --warmup-seconds}
 * (default 5; their incidents are mailed but not measured) and then {@code --seconds} seconds,
 * each with a new dedup key (so each opens a new incident), to {@code POST /api/v1/events},
 * open loop: every event is sent at its scheduled moment, whether earlier ones were answered
 * or not (at most {@code --max-in-flight} at once). The 202 answer names the incident. Send
 * time and SMTP time are both read from {@link System#nanoTime()} of this one process.
 * Then it waits until every incident's email arrived (at most {@code --drain-seconds}) and
 * prints the percentiles and a machine-readable {@code RESULT} line. Exit status 1 when an
 * event was not accepted with 202 or an email is missing.
 *
 * <pre>
 * java bench/events/PagingLatency.java --url http://127.0.0.1:8080 --routing-key KEY --smtp-port 2525 \
 *     [--rate 100 --seconds 30 --warmup-seconds 5 --drain-seconds 60 --label run1 --max-in-flight 500]
 * </pre>
 *
 * JDK only; one virtual thread per request and per SMTP connection.
 */
public class PagingLatency {

	static final Pattern SUBJECT = Pattern.compile("^Subject:.*?#(\\d+)\\b", Pattern.CASE_INSENSITIVE);

	/** Incident number → nanoTime when the email's DATA ended. */
	final Map<Long, Long> mailed = new ConcurrentHashMap<>();

	final AtomicInteger mails = new AtomicInteger();

	final AtomicInteger duplicateMails = new AtomicInteger();

	final AtomicInteger unparsedMails = new AtomicInteger();

	/** Incident number → nanoTime when its event was sent. */
	final Map<Long, Long> sent = new ConcurrentHashMap<>();

	/** Incident number → nanoTime when the 202 arrived. */
	final Map<Long, Long> answered = new ConcurrentHashMap<>();

	/** Incidents of the warm-up events: their emails are awaited but not measured. */
	final java.util.Set<Long> warmupIncidents = ConcurrentHashMap.newKeySet();

	final AtomicInteger failures = new AtomicInteger();

	final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		new PagingLatency().run(options);
	}

	void run(Options options) throws Exception {
		ServerSocket server = new ServerSocket(options.smtpPort, 200, InetAddress.getLoopbackAddress());
		Thread.ofPlatform().daemon().name("smtp-accept").start(() -> acceptLoop(server));
		System.out.printf(Locale.ROOT, "SMTP sink on 127.0.0.1:%d; sending %d events/s for %d s to %s%n",
				options.smtpPort, options.rate, options.seconds, options.url);

		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		URI uri = URI.create(options.url + "/api/v1/events");
		int warmup = options.rate * options.warmupSeconds;
		int total = warmup + options.rate * options.seconds;
		long periodNanos = 1_000_000_000L / options.rate;
		Semaphore inFlight = new Semaphore(options.maxInFlight);
		AtomicInteger lateStarts = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < total; i++) {
				long due = start + i * periodNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				else if (wait < -10_000_000) {
					lateStarts.incrementAndGet();
				}
				if (!inFlight.tryAcquire()) {
					// not sent at its moment: count it, then wait for room (the schedule slips)
					lateStarts.incrementAndGet();
					inFlight.acquire();
				}
				int n = i;
				boolean measured = i >= warmup;
				senders.submit(() -> {
					try {
						send(client, uri, options, n, measured);
					}
					finally {
						inFlight.release();
					}
				});
			}
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		int accepted = this.sent.size();
		System.out.printf(Locale.ROOT,
				"sent %d events in %.1f s (%.1f/s), the first %d as warm-up; %d measured accepted (202), %d failed, "
						+ "%d started late%n",
				total, sendSeconds, total / sendSeconds, warmup, accepted, this.failures.get(), lateStarts.get());
		for (String sample : this.failureSamples) {
			System.out.println("  failure: " + sample);
		}

		long drainUntil = System.nanoTime() + options.drainSeconds * 1_000_000_000L;
		while (System.nanoTime() < drainUntil && !(this.mailed.keySet().containsAll(this.sent.keySet())
				&& this.mailed.keySet().containsAll(this.warmupIncidents))) {
			Thread.sleep(50);
		}
		Thread.sleep(500); // a late duplicate would still be counted
		server.close();

		List<Double> latencies = new ArrayList<>();
		List<Double> afterAnswer = new ArrayList<>();
		int missing = 0;
		for (Map.Entry<Long, Long> e : this.sent.entrySet()) {
			Long at = this.mailed.get(e.getKey());
			if (at == null) {
				missing++;
				continue;
			}
			latencies.add((at - e.getValue()) / 1e6);
			afterAnswer.add((at - this.answered.get(e.getKey())) / 1e6);
		}
		List<Double> answers = new ArrayList<>();
		for (Map.Entry<Long, Long> e : this.answered.entrySet()) {
			answers.add((e.getValue() - this.sent.get(e.getKey())) / 1e6);
		}
		Collections.sort(latencies);
		Collections.sort(afterAnswer);
		Collections.sort(answers);
		int unexpected = 0;
		for (Long number : this.mailed.keySet()) {
			if (!this.sent.containsKey(number) && !this.warmupIncidents.contains(number)) {
				unexpected++;
			}
		}
		System.out.printf(Locale.ROOT, "emails: %d received (warm-up included), %d for measured events, %d missing, "
				+ "%d duplicates, %d for other incidents, %d without an incident number%n", this.mails.get(),
				latencies.size(), missing, this.duplicateMails.get(), unexpected, this.unparsedMails.get());
		// latency by the second of the measured run in which the event was sent: shows a backlog building up
		long measuredStart = start + warmup * periodNanos;
		Map<Integer, List<Double>> bySlice = new java.util.TreeMap<>();
		for (Map.Entry<Long, Long> e : this.sent.entrySet()) {
			Long at = this.mailed.get(e.getKey());
			if (at != null) {
				int slice = (int) ((e.getValue() - measuredStart) / 5_000_000_000L) * 5;
				bySlice.computeIfAbsent(slice, k -> new ArrayList<>()).add((at - e.getValue()) / 1e6);
			}
		}
		System.out.println("event sent -> email accepted, by when the event was sent (seconds into the measured run):");
		for (Map.Entry<Integer, List<Double>> e : bySlice.entrySet()) {
			List<Double> slice = e.getValue();
			Collections.sort(slice);
			System.out.printf(Locale.ROOT, "  %3d-%3d s: %s%n", e.getKey(), e.getKey() + 5, describe(slice));
		}
		System.out.println("event sent -> 202 answer:       " + describe(answers));
		System.out.println("event sent -> email accepted:   " + describe(latencies));
		System.out.println("202 answer -> email accepted:   " + describe(afterAnswer));
		System.out.printf(Locale.ROOT,
				"RESULT label=%s rate=%d seconds=%d events=%d accepted=%d failed=%d emails=%d missing=%d duplicates=%d "
						+ "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f answer_p50_ms=%.1f answer_p99_ms=%.1f%n",
				options.label, options.rate, options.seconds, total, accepted, this.failures.get(), latencies.size(),
				missing, this.duplicateMails.get(), pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
				max(latencies), pct(answers, 50), pct(answers, 99));
		if (this.failures.get() > 0 || missing > 0) {
			System.exit(1);
		}
	}

	void send(HttpClient client, URI uri, Options options, int n, boolean measured) {
		String body = "{\"routingKey\":\"" + options.routingKey + "\",\"action\":\"trigger\",\"dedupKey\":\"paging-"
				+ options.label + "-" + n + "\",\"summary\":\"Paging latency probe " + n
				+ "\",\"severity\":\"critical\",\"source\":\"bench-" + (n % 10) + "\"}";
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long at = System.nanoTime();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			long answeredAt = System.nanoTime();
			Matcher m = Pattern.compile("\"incident\"\\s*:\\s*(\\d+)").matcher(response.body());
			if (response.statusCode() != 202 || !m.find()) {
				fail("event " + n + ": " + response.statusCode() + " " + response.body());
				return;
			}
			long number = Long.parseLong(m.group(1));
			if (!measured) {
				this.warmupIncidents.add(number);
				return;
			}
			this.sent.put(number, at);
			this.answered.put(number, answeredAt);
		}
		catch (IOException | InterruptedException ex) {
			fail("event " + n + ": " + ex);
		}
	}

	void fail(String message) {
		if (this.failures.incrementAndGet() <= 5) {
			this.failureSamples.add(message);
		}
	}

	void acceptLoop(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread.ofVirtual().start(() -> session(socket));
			}
			catch (IOException ex) {
				if (!server.isClosed()) {
					System.err.println("SMTP accept failed: " + ex);
				}
			}
		}
	}

	/** One SMTP session: enough of RFC 5321 for JavaMail without TLS or AUTH. */
	void session(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 localhost bench SMTP sink");
			String line;
			while ((line = in.readLine()) != null) {
				String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
					case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
					case "DATA" -> {
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
						Long number = null;
						boolean headers = true;
						while ((line = in.readLine()) != null && !line.equals(".")) {
							if (headers && line.isEmpty()) {
								headers = false;
							}
							else if (headers && number == null) {
								Matcher m = SUBJECT.matcher(line);
								if (m.find()) {
									number = Long.parseLong(m.group(1));
								}
							}
						}
						long at = System.nanoTime();
						if (line == null) {
							return;
						}
						this.mails.incrementAndGet();
						if (number == null) {
							this.unparsedMails.incrementAndGet();
						}
						else if (this.mailed.putIfAbsent(number, at) != null) {
							this.duplicateMails.incrementAndGet();
						}
						reply(out, "250 OK queued");
					}
					case "QUIT" -> {
						reply(out, "221 Bye");
						return;
					}
					default -> reply(out, "502 Command not implemented");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	static double pct(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	static double max(List<Double> sorted) {
		return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
	}

	static String describe(List<Double> sorted) {
		return String.format(Locale.ROOT, "n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(),
				pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), max(sorted));
	}

	record Options(String url, String routingKey, int smtpPort, int rate, int seconds, int warmupSeconds,
			int drainSeconds, String label, int maxInFlight) {

		static Options parse(String[] args) {
			String url = null;
			String key = null;
			int smtpPort = 2525;
			int rate = 100;
			int seconds = 30;
			int warmupSeconds = 5;
			int drain = 60;
			String label = "run";
			int maxInFlight = 500;
			for (int i = 0; i < args.length; i += 2) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("no value for " + args[i]);
				}
				String value = args[i + 1];
				switch (args[i]) {
					case "--url" -> url = value.replaceAll("/+$", "");
					case "--routing-key" -> key = value;
					case "--smtp-port" -> smtpPort = Integer.parseInt(value);
					case "--rate" -> rate = Integer.parseInt(value);
					case "--seconds" -> seconds = Integer.parseInt(value);
					case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
					case "--drain-seconds" -> drain = Integer.parseInt(value);
					case "--label" -> label = value;
					case "--max-in-flight" -> maxInFlight = Integer.parseInt(value);
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
			if (url == null || key == null) {
				throw new IllegalArgumentException("--url and --routing-key are required");
			}
			return new Options(url, key, smtpPort, rate, seconds, warmupSeconds, drain, label, maxInFlight);
		}

	}

}
