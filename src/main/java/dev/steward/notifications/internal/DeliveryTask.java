package dev.steward.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.notifications.NotificationFailed;
import dev.steward.notifications.NotificationSent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable timer of one delivery (its instance id is the delivery key): when due, on
 * whichever node picks it, it sends the delivery unless it is no longer pending, records
 * the outcome and publishes {@link NotificationSent} or {@link NotificationFailed} in one
 * transaction, and comes back with exponential back-off until
 * {@code steward.notifications.max-attempts} attempts have failed.
 */
@Component
public class DeliveryTask extends OutboxTask {

	/** The task name in {@code scheduled_tasks}. */
	public static final String NAME = "notification-delivery";

	private static final Logger log = LoggerFactory.getLogger(DeliveryTask.class);

	private final DeliveryStore store;

	private final Channels channels;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int maxAttempts;

	private final DeliveryMetrics metrics;

	DeliveryTask(DeliveryStore store, Channels channels, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, DeliveryMetrics metrics,
			@Value("${steward.notifications.max-attempts:6}") int maxAttempts,
			@Value("${steward.notifications.retry-delay:PT10S}") Duration retryDelay,
			@Value("${steward.notifications.max-retry-delay:PT10M}") Duration maxRetryDelay) {
		super(NAME, transactions, retryDelay, maxRetryDelay);
		this.store = store;
		this.channels = channels;
		this.events = events;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.metrics = metrics;
	}

	/**
	 * Sends the delivery if it is still pending, holding its row so that a concurrent
	 * cancellation waits for the outcome; answers when to try again, or {@code null}.
	 */
	@Override
	Instant attempt(String key) {
		Optional<DeliveryStore.Row> locked = this.store.lock(key);
		if (locked.isEmpty() || !DeliveryStore.PENDING.equals(locked.get().status())) {
			return null;
		}
		DeliveryStore.Row delivery = locked.get();
		int attempt = delivery.attempts() + 1;
		try {
			this.channels.send(delivery);
			Instant at = this.clock.instant();
			this.store.sent(key, attempt, at);
			this.metrics.attempted(DeliveryMetrics.INCIDENT, delivery.channel(), DeliveryMetrics.Outcome.SENT);
			this.events.publishEvent(new NotificationSent(delivery.incidentNumber(), delivery.user(),
					delivery.contactMethod(), delivery.channel(), attempt, at));
			return null;
		}
		catch (DeliveryFailure failure) {
			Instant at = this.clock.instant();
			boolean last = failure.permanent() || attempt >= this.maxAttempts;
			Instant retryAt = last ? null : retryAt(at, attempt);
			this.metrics.attempted(DeliveryMetrics.INCIDENT, delivery.channel(), DeliveryMetrics.Outcome.failure(last));
			if (last) {
				this.store.failed(key, attempt, failure.getMessage());
				log.warn("Notification {} failed for good after {} attempt(s): {}", key, attempt, failure.getMessage());
			}
			else {
				this.store.retry(key, attempt, failure.getMessage(), retryAt);
				log.info("Notification {} failed (attempt {}), retrying at {}: {}", key, attempt, retryAt,
						failure.getMessage());
			}
			this.events.publishEvent(new NotificationFailed(delivery.incidentNumber(), delivery.user(),
					delivery.contactMethod(), delivery.channel(), attempt, failure.getMessage(), last, at));
			return retryAt;
		}
	}

}
