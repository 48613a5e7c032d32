package dev.steward.notifications.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.steward.MailInbox;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class MailHealthTests {

	@RegisterExtension
	static final MailInbox mail = new MailInbox();

	private static Health healthWith(JavaMailSenderImpl sender) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		if (sender != null) {
			beans.registerSingleton("mailSender", sender);
		}
		return new MailHealth(beans.getBeanProvider(JavaMailSenderImpl.class)).health();
	}

	private static JavaMailSenderImpl senderTo(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		return sender;
	}

	@Test
	void upWhenTheMailServerAnswers() {
		int port = Integer.parseInt(mail.springProperties().get("spring.mail.port"));
		Health health = healthWith(senderTo(port));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("server", "127.0.0.1:" + port).containsEntry("reachable", true);
	}

	@Test
	void unknownRatherThanDownWhenTheMailServerIsGone() {
		Health health = healthWith(senderTo(MailInbox.freePort()));
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("reachable", false).containsKey("error");
	}

	@Test
	void unknownAndSaidSoWhenNoMailServerIsConfigured() {
		Health health = healthWith(null);
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails().get("server")).asString().startsWith("not configured");
	}

}
