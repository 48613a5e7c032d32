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

/**
 * A real SMTP server (GreenMail) on a free local port, and the mail it received per user.
 */
public final class MailInbox {

	private final GreenMail smtp;

	private MailInbox(GreenMail smtp) {
		this.smtp = smtp;
	}

	public static MailInbox start() {
		GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
		smtp.start();
		return new MailInbox(smtp);
	}

	public int port() {
		return this.smtp.getSmtp().getPort();
	}

	public void stop() {
		this.smtp.stop();
	}

	/**
	 * The mail sent to a test user (whose address is {@code <user>@example.com}), each
	 * message once even when it went to several recipients (the server keeps a copy per
	 * recipient).
	 */
	public List<MimeMessage> to(String user) {
		Map<String, MimeMessage> byId = new LinkedHashMap<>();
		for (MimeMessage mail : this.smtp.getReceivedMessages()) {
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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
