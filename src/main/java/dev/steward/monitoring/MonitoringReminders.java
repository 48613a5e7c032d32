package dev.steward.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.catalog.Directory;
import dev.steward.monitoring.internal.ReminderStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the owning team of an overdue monitoring review by email: when the review falls
 * due and again each cadence it stays missing, once each. The team's address gets the
 * reminder, or each member's when the team has none. A reminder is recorded in the same
 * transaction that hands it to the mail server, so that a second run (on this node or
 * another) sends nothing again, and a reminder the mail server did not take is tried
 * again on the next run.
 */
@Service
public class MonitoringReminders {

	private static final Logger log = LoggerFactory.getLogger(MonitoringReminders.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final MonitoringReviews reviews;

	private final ReviewCadence cadence;

	private final ReminderStore reminders;

	private final Directory directory;

	private final ObjectProvider<JavaMailSender> mail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String mailFrom;

	private final String baseUrl;

	MonitoringReminders(MonitoringReviews reviews, ReviewCadence cadence, ReminderStore reminders, Directory directory,
			ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactionManager, Clock clock,
			@Value("${steward.notifications.mail-from:steward@localhost}") String mailFrom,
			@Value("${steward.base-url:http://localhost:8080}") String baseUrl) {
		this.reviews = reviews;
		this.cadence = cadence;
		this.reminders = reminders;
		this.directory = directory;
		this.mail = mail;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.mailFrom = mailFrom;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Sends every reminder that is due now and was not sent before; answers the services
	 * reminded.
	 */
	public List<String> sendDue() {
		Instant now = this.clock.instant();
		List<OverdueReview> overdue = this.reviews.overdue(null);
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			if (!overdue.isEmpty()) {
				log.warn("{} monitoring review(s) overdue, but no reminder can be sent: no mail server is configured "
						+ "(spring.mail.host)", overdue.size());
			}
			return List.of();
		}
		List<String> reminded = new ArrayList<>();
		for (OverdueReview review : overdue) {
			int round = round(review, now);
			if (this.reminders.sent(review.service(), review.due(), round)) {
				continue;
			}
			List<String> recipients = this.directory.mailAddresses(review.owner());
			if (recipients.isEmpty()) {
				log.warn("No reminder of the overdue monitoring review of {}: team {} has no email address "
						+ "and no member with one", review.service(), review.owner());
			}
			else if (send(sender, review, round, recipients, now)) {
				reminded.add(review.service());
			}
		}
		return reminded;
	}

	/**
	 * How many whole cadences the review has been overdue for: 0 until a cadence has
	 * passed since it fell due, then 1, and so on.
	 */
	private int round(OverdueReview overdue, Instant now) {
		Duration cadence = this.cadence.cadence(overdue.tier());
		long rounds = Duration.between(overdue.due(), now).dividedBy(cadence);
		return (int) Math.min(rounds, Integer.MAX_VALUE);
	}

	/**
	 * Claims the reminder and sends it in one transaction: a failed send leaves no claim,
	 * and a claim another run holds or has committed stops this one.
	 */
	private boolean send(JavaMailSender sender, OverdueReview overdue, int round, List<String> recipients,
			Instant now) {
		try {
			this.transactions.executeWithoutResult(status -> {
				this.reminders.record(overdue.service(), overdue.due(), round, now, recipients);
				sender.send(message(overdue, round, recipients));
			});
			log.info("Reminded {} of the overdue monitoring review of {}", recipients, overdue.service());
			return true;
		}
		catch (MailException ex) {
			Throwable cause = ex.getMostSpecificCause();
			log.warn("Reminder of the overdue monitoring review of {} not sent ({}); next run tries again",
					overdue.service(), Objects.requireNonNullElse(cause.getMessage(), cause.toString()));
			return false;
		}
		catch (DuplicateKeyException | ConcurrencyFailureException ex) {
			log.debug("The reminder of {} (due {}, round {}) is another run's", overdue.service(), overdue.due(), round,
					ex);
			return false;
		}
	}

	private SimpleMailMessage message(OverdueReview overdue, int round, List<String> recipients) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.mailFrom);
		message.setTo(recipients.toArray(String[]::new));
		message.setSubject("[Steward] The monitoring review of " + overdue.service() + " is overdue");
		StringBuilder text = new StringBuilder();
		text.append("The monitoring of ")
			.append(overdue.service())
			.append(" (")
			.append(overdue.title())
			.append(") was due for review on ")
			.append(DAY.format(overdue.due()))
			.append(", ")
			.append(overdue.daysOverdue())
			.append(overdue.daysOverdue() == 1 ? " day ago" : " days ago")
			.append(".\n\n");
		text.append("Service:      ").append(overdue.service()).append('\n');
		text.append("Owner:        ").append(overdue.owner()).append('\n');
		text.append("Tier:         ").append(overdue.tier()).append('\n');
		text.append("Cadence:      ").append(overdue.cadence()).append('\n');
		text.append("Last review:  ")
			.append(overdue.lastReviewedAt() == null ? "never"
					: DAY.format(overdue.lastReviewedAt()) + " by " + overdue.lastReviewedBy())
			.append("\n\n");
		if (round > 0) {
			text.append("This is reminder ")
				.append(round + 1)
				.append("; one follows each cadence the review stays missing.\n\n");
		}
		text.append("Review the service's monitors and record what you found on its page:\n")
			.append(this.baseUrl)
			.append("/services/")
			.append(overdue.service())
			.append("\n\nor through the API: POST /api/v1/services/")
			.append(overdue.service())
			.append("/monitoring-reviews {\"findings\": \"…\"}\n");
		text.append("\nEvery overdue review: ").append(this.baseUrl).append("/monitoring/overdue\n");
		message.setText(text.toString());
		return message;
	}

}
