package dev.steward.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import dev.steward.common.Secrets;
import dev.steward.common.WebhookSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a planned delivery over its channel: email through Spring's
 * {@link JavaMailSender} (configured by {@code spring.mail.*}), webhooks and Slack as a
 * JSON {@code POST} through the {@link WebhookSender}. A delivery sent again (its node
 * died after sending and before recording it) carries the same email {@code Message-ID}
 * and the same webhook {@code Idempotency-Key}, so that mail clients and receivers can
 * drop the copy.
 */
@Component
public class Channels {

	/** The header that names a webhook delivery, the same on every attempt. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final ObjectProvider<JavaMailSender> mail;

	private final String mailFrom;

	private final WebhookSender webhooks;

	Channels(ObjectProvider<JavaMailSender> mail, WebhookSender webhooks,
			@Value("${steward.notifications.mail-from:steward@localhost}") String mailFrom) {
		this.mail = mail;
		this.webhooks = webhooks;
		this.mailFrom = mailFrom;
	}

	public void send(DeliveryStore.Row delivery) throws DeliveryFailure {
		if (Addresses.EMAIL.equals(delivery.channel())) {
			email(delivery);
		}
		else {
			post(delivery);
		}
	}

	private void email(DeliveryStore.Row delivery) throws DeliveryFailure {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryFailure(
					"No mail server is configured; set spring.mail.host and spring.mail.port (SPRING_MAIL_HOST, "
							+ "SPRING_MAIL_PORT)",
					true);
		}
		try {
			Session session = sender instanceof JavaMailSenderImpl configured ? configured.getSession()
					: Session.getInstance(new Properties());
			MimeMessage message = new StableIdMessage(session,
					"<" + identity(delivery) + "@" + domain(this.mailFrom) + ">");
			MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			helper.setFrom(this.mailFrom);
			helper.setTo(delivery.address());
			helper.setSubject(delivery.subject());
			helper.setText(delivery.payload());
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new DeliveryFailure("The message could not be written: " + ex.getMessage(), true);
		}
		catch (MailException ex) {
			Throwable cause = ex.getMostSpecificCause();
			String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
			throw new DeliveryFailure("The mail server did not take the message: " + reason.strip(), false);
		}
	}

	private void post(DeliveryStore.Row delivery) throws DeliveryFailure {
		String receiver = Addresses.SLACK.equals(delivery.channel()) ? "Slack webhook" : "webhook";
		try {
			this.webhooks.post(delivery.address(), delivery.payload(), Map.of(IDEMPOTENCY_KEY, identity(delivery)),
					receiver);
		}
		catch (WebhookSender.Failure failure) {
			throw new DeliveryFailure(failure.getMessage(), failure.permanent());
		}
	}

	/** A name of the delivery that stays the same on every attempt: its key, hashed. */
	static String identity(DeliveryStore.Row delivery) {
		return "steward-" + Secrets.hash(delivery.key()).substring(0, 32);
	}

	private static String domain(String address) {
		int at = address.lastIndexOf('@');
		String domain = at < 0 ? "" : address.substring(at + 1).replace(">", "").strip();
		return domain.isEmpty() ? "steward.invalid" : domain;
	}

	/** A message whose {@code Message-ID} is the one given, not a new one per send. */
	private static final class StableIdMessage extends MimeMessage {

		private final String id;

		StableIdMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.id);
		}

	}

}
