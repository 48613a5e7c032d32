package dev.steward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) on a free local port, and the mail it received per user.
 * As a JUnit extension ({@code @RegisterExtension static final MailInbox mail = new
 * MailInbox();}) it gives each test class a server of its own: started before the class,
 * stopped after it.
 */
public final class MailInbox implements BeforeAllCallback, AfterAllCallback {

	private static final String HOST = "127.0.0.1";

	private volatile GreenMail smtp;

	@Override
	public void beforeAll(ExtensionContext context) {
		GreenMail server = new GreenMail(new ServerSetup(freePort(), HOST, "smtp"));
		server.start();
		this.smtp = server;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.smtp.stop();
		this.smtp = null;
	}

	/** The {@code spring.mail.*} properties that send an application's mail here. */
	public Map<String, String> springProperties() {
		return Map.of("spring.mail.host", HOST, "spring.mail.port", Integer.toString(server().getSmtp().getPort()));
	}

	/**
	 * The mail sent to a test user (whose address is {@code <user>@example.com}), each
	 * message once even when it went to several recipients (the server keeps a copy per
	 * recipient).
	 */
	public List<MimeMessage> to(String user) {
		Map<String, MimeMessage> byId = new LinkedHashMap<>();
		for (MimeMessage mail : server().getReceivedMessages()) {
			try {
				if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
					.anyMatch(address -> address.toString().equals(user + "@example.com"))) {
					byId.putIfAbsent(mail.getMessageID(), mail);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return List.copyOf(byId.values());
	}

	private GreenMail server() {
		GreenMail server = this.smtp;
		if (server == null) {
			throw new IllegalStateException("The mail server runs only while a test class that registers it does");
		}
		return server;
	}

	/**
	 * A local port that nothing listens on at the moment: the address of a mail server
	 * that is gone.
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
