package dev.steward.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.notifications.OutboxMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable timer of one outbox message (its instance id is the message key): when due,
 * it mails the team's addresses (or the user's) unless the message was sent already, and
 * comes back after {@code steward.notifications.retry-delay}, doubled each time (at most
 * {@code steward.notifications.max-retry-delay}), until
 * {@code steward.notifications.max-attempts} attempts have failed. A team nobody can be
 * mailed at (or a user without an address), or no mail server at all, fails the message
 * at once.
 */
@Component
public class OutboxMailTask extends OutboxTask {

	/** The task name in {@code scheduled_tasks}. */
	public static final String NAME = "outbox-mail";

	private static final Logger log = LoggerFactory.getLogger(OutboxMailTask.class);

	private final OutboxMailStore store;

	private final Directory directory;

	private final ObjectProvider<JavaMailSender> mail;

	private final Clock clock;

	private final String mailFrom;

	private final int maxAttempts;

	private final DeliveryMetrics metrics;

	OutboxMailTask(OutboxMailStore store, Directory directory, ObjectProvider<JavaMailSender> mail,
			TransactionTemplate transactions, Clock clock, DeliveryMetrics metrics,
			@Value("${steward.notifications.mail-from:steward@localhost}") String mailFrom,
			@Value("${steward.notifications.max-attempts:6}") int maxAttempts,
			@Value("${steward.notifications.retry-delay:PT10S}") Duration retryDelay,
			@Value("${steward.notifications.max-retry-delay:PT10M}") Duration maxRetryDelay) {
		super(NAME, transactions, retryDelay, maxRetryDelay);
		this.store = store;
		this.directory = directory;
		this.mail = mail;
		this.clock = clock;
		this.mailFrom = mailFrom;
		this.maxAttempts = maxAttempts;
		this.metrics = metrics;
	}

	/** Sends the message if still pending; answers when to try again, or {@code null}. */
	@Override
	Instant attempt(String key) {
		Optional<OutboxMessage> locked = this.store.lock(key);
		if (locked.isEmpty() || !OutboxMailStore.PENDING.equals(locked.get().status())) {
			return null;
		}
		OutboxMessage message = locked.get();
		int attempt = message.attempts() + 1;
		List<String> recipients = recipients(message);
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null || recipients.isEmpty()) {
			String reason = sender == null ? "no mail server is configured (spring.mail.host)"
					: (message.team() != null
							? "team " + message.team() + " has no email address and no member with one"
							: "user " + message.user() + " has no email address");
			this.store.failed(key, attempt, reason, true);
			attempted(DeliveryMetrics.Outcome.FAILED);
			log.warn("Mail {} not sent: {}", key, reason);
			return null;
		}
		try {
			sender.send(mail(message, recipients));
			this.store.sent(key, attempt, recipients, this.clock.instant());
			attempted(DeliveryMetrics.Outcome.SENT);
			return null;
		}
		catch (MailException ex) {
			boolean last = attempt >= this.maxAttempts;
			this.store.failed(key, attempt, ex.getMostSpecificCause().toString(), last);
			attempted(DeliveryMetrics.Outcome.failure(last));
			log.info("Mail {} failed (attempt {}{})", key, attempt, last ? ", giving up" : "");
			return last ? null : retryAt(this.clock.instant(), attempt);
		}
	}

	private void attempted(DeliveryMetrics.Outcome outcome) {
		this.metrics.attempted(DeliveryMetrics.OUTBOX, Addresses.EMAIL, outcome);
	}

	private List<String> recipients(OutboxMessage message) {
		if (message.team() != null) {
			return this.directory.mailAddresses(message.team());
		}
		return this.directory.findUser(message.user())
			.map(UserEntry::email)
			.filter(email -> email != null && !email.isBlank())
			.map(List::of)
			.orElse(List.of());
	}

	private SimpleMailMessage mail(OutboxMessage message, List<String> recipients) {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.mailFrom);
		mail.setTo(recipients.toArray(String[]::new));
		mail.setSubject(message.subject());
		mail.setText(message.body());
		return mail;
	}

}
