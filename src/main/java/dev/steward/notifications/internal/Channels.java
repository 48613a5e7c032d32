package dev.steward.notifications.internal;

import java.util.Map;

import dev.steward.common.WebhookSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a planned delivery over its channel: email through Spring's
 * {@link JavaMailSender} (configured by {@code spring.mail.*}), webhooks and Slack as a
 * JSON {@code POST} through the {@link WebhookSender}.
 */
@Component
public class Channels {

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
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.mailFrom);
		message.setTo(delivery.address());
		message.setSubject(delivery.subject());
		message.setText(delivery.payload());
		try {
			sender.send(message);
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
			this.webhooks.post(delivery.address(), delivery.payload(), Map.of(), receiver);
		}
		catch (WebhookSender.Failure failure) {
			throw new DeliveryFailure(failure.getMessage(), failure.permanent());
		}
	}

}
