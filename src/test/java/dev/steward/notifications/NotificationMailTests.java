package dev.steward.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Email over real SMTP to a GreenMail server started for the test, in an application of
 * its own (with its own in-memory database, so that no other application's timers pick up
 * its deliveries, whatever database the shared one uses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:notification-mail-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "steward.notifications.max-attempts=20",
		"steward.notifications.retry-delay=PT0.3S", "steward.notifications.max-retry-delay=PT0.5S",
		"steward.notifications.mail-from=pager@steward.example.com" })
class NotificationMailTests extends ApiTest {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

	static {
		smtp.start();
	}

	@Autowired
	Notifications notifications;

	private final long incident = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopMailServer() {
		smtp.stop();
	}

	@Test
	void anEmailCarriesTheIncidentAndItsLinksAndAStepPlannedTwiceIsSentOnce() throws Exception {
		String ana = user();
		Notification step = notification("inc/l1/r0/" + ana, ana);
		this.notifications.notify(step);
		this.notifications.notify(step);

		await().atMost(PATIENCE).until(() -> status().equals("sent"));
		List<MimeMessage> mails = to(ana + "@example.com");
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("[Steward] HIGH #" + this.incident + " payments-api: Checkout fails");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("pager@steward.example.com");
		assertThat(mail.getMessageID()).as("the same on every attempt of the delivery")
			.matches("<steward-[0-9a-f]{32}@steward\\.example\\.com>");
		assertThat(GreenMailUtil.getBody(mail)).contains("Error rate 12 % on POST /checkout", "Service:  payments-api",
				"Urgency:  high", "Status:   triggered", "region: eu-west-1",
				"Acknowledge: https://steward.example.com/incidents/42/acknowledge",
				"Incident: https://steward.example.com/incidents/42");
		assertThat(this.notifications.deliveries(this.incident)).singleElement().satisfies(delivery -> {
			assertThat(delivery.channel()).isEqualTo("email");
			assertThat(delivery.attempts()).isEqualTo(1);
		});
	}

	@Test
	void anEmailIsRetriedUntilTheMailServerIsBack() throws Exception {
		String ben = user();
		smtp.stop();
		try {
			this.notifications.notify(notification("inc/l1/r0/" + ben, ben));
			await().atMost(PATIENCE).until(() -> this.notifications.deliveries(this.incident).get(0).attempts() >= 2);
			Delivery failing = this.notifications.deliveries(this.incident).get(0);
			assertThat(failing.status()).isEqualTo("pending");
			assertThat(failing.lastError()).startsWith("The mail server did not take the message");
		}
		finally {
			smtp.start();
		}
		await().atMost(PATIENCE).until(() -> status().equals("sent"));
		assertThat(to(ben + "@example.com")).hasSize(1);
	}

	private String status() {
		List<Delivery> deliveries = this.notifications.deliveries(this.incident);
		return deliveries.isEmpty() ? "none" : deliveries.get(0).status();
	}

	private static List<MimeMessage> to(String address) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
				mails.add(mail);
			}
		}
		return mails;
	}

	private Notification notification(String stepKey, String user) {
		return new Notification(stepKey, this.incident, "payments-api", "Checkout fails",
				"Error rate 12 % on POST /checkout", "high", "triggered", user,
				Map.of("acknowledge", "https://steward.example.com/incidents/42/acknowledge", "incident",
						"https://steward.example.com/incidents/42"),
				Map.of("region", "eu-west-1"));
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
