package dev.steward.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a planned delivery over its channel: email through Spring's
 * {@link JavaMailSender} (configured by {@code spring.mail.*}), webhooks and Slack as a
 * JSON {@code POST} that must answer 2xx within {@value #TIMEOUT_SECONDS} seconds.
 */
@Component
public class Channels {

	static final int TIMEOUT_SECONDS = 5;

	private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

	private final ObjectProvider<JavaMailSender> mail;

	private final String mailFrom;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	Channels(ObjectProvider<JavaMailSender> mail,
			@Value("${steward.notifications.mail-from:steward@localhost}") String mailFrom) {
		this.mail = mail;
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
		HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.address()))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Steward")
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
			.build();
		int status;
		try {
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (HttpTimeoutException ex) {
			throw new DeliveryFailure("The " + receiver + " did not answer within " + TIMEOUT_SECONDS + " s", false);
		}
		catch (IOException ex) {
			throw new DeliveryFailure("The " + receiver + " could not be reached: " + ex.getClass().getSimpleName(),
					false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("Interrupted while sending to the " + receiver, false);
		}
		if (status < 200 || status > 299) {
			boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
			throw new DeliveryFailure("The " + receiver + " answered HTTP " + status, refused);
		}
	}

}
