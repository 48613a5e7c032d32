import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail server of the cluster benchmark: takes every message the Steward nodes send over
 * plain SMTP (no TLS, no AUTH) on 127.0.0.1:{@code --port} and, before it answers "250"
 * to the end of the message, appends one line per recipient to {@code --log}:
 *
 * <pre>
 * epoch-millis  recipient  incident  level  round
 * </pre>
 *
 * (tab-separated), where the incident number is read from the subject
 * ({@code [Steward] HIGH #42 …}) and the escalation level and round from the "Details" of
 * the body ({@code level: 2}, {@code round: 1}, the round counted from 1); a message
 * without them is logged with "-" in their place. A message the client abandons before
 * its final "." is not logged: the node did not hand it over. With {@code --delay-ms} it
 * waits that long after logging a message before it answers, which widens the moment in
 * which a node has handed a message over but not yet recorded it as sent.
 *
 * <pre>
 * java bench/cluster/SmtpSink.java --port 18025 --log /tmp/mails.tsv [--delay-ms 0]
 * </pre>
 *
 * JDK only; a virtual thread per connection; runs until killed.
 */
public class SmtpSink {

	private static final Pattern INCIDENT = Pattern.compile("^Subject: \\[Steward\\] \\S+ #(\\d+) ");

	private static final Pattern DETAIL = Pattern.compile("^  (level|round): (\\d+)$");

	private final PrintWriter log;

	private final long delayMillis;

	SmtpSink(Path log, long delayMillis) throws IOException {
		this.delayMillis = delayMillis;
		this.log = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND));
	}

	public static void main(String[] args) throws IOException {
		int port = 0;
		Path log = null;
		long delayMillis = 0;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(args[i + 1]);
				case "--log" -> log = Path.of(args[i + 1]);
				case "--delay-ms" -> delayMillis = Long.parseLong(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		if (port == 0 || log == null) {
			throw new IllegalArgumentException("usage: SmtpSink --port PORT --log FILE");
		}
		SmtpSink sink = new SmtpSink(log, delayMillis);
		try (ServerSocket server = new ServerSocket(port, 500, InetAddress.getLoopbackAddress())) {
			System.out.printf(Locale.ROOT, "SMTP sink listening on 127.0.0.1:%d, logging to %s%n", port, log);
			while (true) {
				Socket socket = server.accept();
				Thread.ofVirtual().start(() -> sink.converse(socket));
			}
		}
	}

	/** One SMTP connection, any number of messages. */
	void converse(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream out = socket.getOutputStream()) {
			answer(out, "220 127.0.0.1 Steward cluster bench SMTP sink");
			List<String> recipients = new ArrayList<>();
			String command;
			while ((command = in.readLine()) != null) {
				String verb = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
				if (verb.equals("EHLO")) {
					answer(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8");
				}
				else if (verb.equals("MAIL") || verb.equals("RSET")) {
					recipients.clear();
					answer(out, "250 OK");
				}
				else if (verb.equals("RCPT")) {
					recipients.add(address(command));
					answer(out, "250 OK");
				}
				else if (verb.equals("HELO") || verb.equals("NOOP")) {
					answer(out, "250 OK");
				}
				else if (verb.equals("DATA")) {
					answer(out, "354 End data with <CR><LF>.<CR><LF>");
					if (!receive(in, recipients)) {
						return;
					}
					recipients.clear();
					answer(out, "250 OK logged");
				}
				else if (verb.equals("QUIT")) {
					answer(out, "221 Bye");
					return;
				}
				else {
					answer(out, "502 Not implemented");
				}
			}
		}
		catch (IOException ex) {
			// the node went away (killed, or timed out): nothing was handed over
		}
	}

	/**
	 * Reads one message up to its final "." and logs it per recipient; answers false when
	 * the connection ended before.
	 */
	private boolean receive(BufferedReader in, List<String> recipients) throws IOException {
		String incident = "-";
		String level = "-";
		String round = "-";
		String line;
		while ((line = in.readLine()) != null && !line.equals(".")) {
			Matcher subject = INCIDENT.matcher(line);
			Matcher detail = DETAIL.matcher(line);
			if (subject.find()) {
				incident = subject.group(1);
			}
			else if (detail.find()) {
				if (detail.group(1).equals("level")) {
					level = detail.group(2);
				}
				else {
					round = detail.group(2);
				}
			}
		}
		if (line == null) {
			return false;
		}
		long at = System.currentTimeMillis();
		synchronized (this.log) {
			for (String recipient : recipients) {
				this.log.printf(Locale.ROOT, "%d\t%s\t%s\t%s\t%s%n", at, recipient, incident, level, round);
			}
			this.log.flush();
		}
		pause();
		return true;
	}

	private void pause() {
		try {
			Thread.sleep(this.delayMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The address of {@code RCPT TO:<ana@example.com>}, lower-cased. */
	private static String address(String command) {
		int open = command.indexOf('<');
		int close = command.indexOf('>', open + 1);
		String address = open >= 0 && close > open ? command.substring(open + 1, close) : command.substring(8);
		return address.strip().toLowerCase(Locale.ROOT);
	}

	private static void answer(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
