package dev.steward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

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

	/** The mail sent to a test user (whose address is {@code <user>@example.com}). */
	public List<MimeMessage> to(String user) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter(mail -> {
			try {
				return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
					.anyMatch(address -> address.toString().equals(user + "@example.com"));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
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
