package dev.steward.deployments.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.steward.common.WebhookSender;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable timer of one deployment-hook delivery (its instance id is the delivery id):
 * posts the event signed with the hook's secret ({@code X-Steward-Signature: sha256=<hex
 * HMAC of the body>}), records the outcome, and comes back with exponential back-off
 * until {@code steward.deployments.hook-max-attempts} attempts have failed. A hook hears
 * a deployment's events in the order they happened: a delivery waits while an earlier one
 * of the same deployment to the same hook is still pending.
 */
@Component
public class HookDeliveryTask extends CustomTask<Void> {

	/** The task name in {@code scheduled_tasks}. */
	public static final String NAME = "deployment-hook-delivery";

	/** How long a delivery waits at most before it looks again whether its turn came. */
	private static final Duration MAX_ORDER_WAIT = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(HookDeliveryTask.class);

	private final HookStore store;

	private final WebhookSender sender;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int maxAttempts;

	private final Duration retryDelay;

	private final Duration orderWait;

	HookDeliveryTask(HookStore store, WebhookSender sender, TransactionTemplate transactions, Clock clock,
			@Value("${steward.deployments.hook-max-attempts:6}") int maxAttempts,
			@Value("${steward.deployments.hook-retry-delay:PT10S}") Duration retryDelay) {
		super(NAME, Void.class, null, Function.identity(),
				new FailureHandler.ExponentialBackoffFailureHandler<>(retryDelay),
				new DeadExecutionHandler.ReviveDeadExecution<>());
		this.store = store;
		this.sender = sender;
		this.transactions = transactions;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
		this.orderWait = retryDelay.compareTo(MAX_ORDER_WAIT) < 0 ? retryDelay : MAX_ORDER_WAIT;
	}

	@Override
	public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
		Instant retryAt = this.transactions.execute(status -> attempt(Long.parseLong(instance.getId())));
		if (retryAt == null) {
			return new CompletionHandler.OnCompleteRemove<>();
		}
		return (complete, operations) -> operations.reschedule(complete, retryAt);
	}

	private Instant attempt(long id) {
		Optional<HookStore.Delivery> locked = this.store.lock(id);
		if (locked.isEmpty() || !HookStore.PENDING.equals(locked.get().status())) {
			return null;
		}
		HookStore.Delivery delivery = locked.get();
		int attempt = delivery.attempts() + 1;
		Optional<HookStore.Hook> hook = this.store.find(delivery.service(), delivery.hook());
		if (hook.isEmpty()) {
			this.store.record(id, HookStore.FAILED, attempt, "The hook was removed", delivery.dueAt(), null);
			return null;
		}
		if (this.store.earlierPending(delivery)) {
			return this.clock.instant().plus(this.orderWait);
		}
		try {
			this.sender.post(delivery.url(), delivery.payload(),
					Map.of("X-Steward-Event", delivery.event(), "X-Steward-Delivery", Long.toString(id),
							"X-Steward-Signature", "sha256=" + sign(hook.get().secret(), delivery.payload())),
					"deployment hook");
			this.store.record(id, HookStore.SENT, attempt, null, delivery.dueAt(), this.clock.instant());
			return null;
		}
		catch (WebhookSender.Failure failure) {
			boolean last = failure.permanent() || attempt >= this.maxAttempts;
			Instant retryAt = last ? null
					: this.clock.instant().plus(this.retryDelay.multipliedBy(1L << Math.min(attempt - 1, 16)));
			this.store.record(id, last ? HookStore.FAILED : HookStore.PENDING, attempt, failure.getMessage(),
					retryAt == null ? delivery.dueAt() : retryAt, null);
			log.info("Deployment hook delivery {} to {} failed (attempt {}{}): {}", id, delivery.hook(), attempt,
					last ? ", giving up" : ", retrying at " + retryAt, failure.getMessage());
			return retryAt;
		}
	}

	/** The hex HMAC-SHA256 of {@code body} under {@code secret}. */
	public static String sign(String secret, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
