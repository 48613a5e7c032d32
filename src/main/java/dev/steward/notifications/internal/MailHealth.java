package dev.steward.notifications.internal;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} component of {@code /actuator/health}: whether the SMTP server that
 * notification email goes through answers. Its status is UP when it does and UNKNOWN when
 * it does not or when none is configured; UNKNOWN never lowers the overall status, and
 * the readiness group leaves mail out, so a mail outage shows here but never takes nodes
 * out of the load balancer (deliveries retry on their own). Replaces Spring Boot's mail
 * indicator, which would report DOWN.
 */
@Component("mailHealthIndicator")
class MailHealth implements HealthIndicator {

	private final ObjectProvider<JavaMailSenderImpl> mail;

	MailHealth(ObjectProvider<JavaMailSenderImpl> mail) {
		this.mail = mail;
	}

	@Override
	public Health health() {
		JavaMailSenderImpl sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Health.unknown().withDetail("server", "not configured (spring.mail.host is unset)").build();
		}
		String server = sender.getHost() + (sender.getPort() > 0 ? ":" + sender.getPort() : "");
		try {
			sender.testConnection();
			return Health.up().withDetail("server", server).withDetail("reachable", true).build();
		}
		catch (MessagingException ex) {
			return Health.unknown()
				.withDetail("server", server)
				.withDetail("reachable", false)
				.withDetail("error", String.valueOf(ex.getMessage()))
				.build();
		}
	}

}
