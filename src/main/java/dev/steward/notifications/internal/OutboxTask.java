package dev.steward.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable timer of one queued message (its instance id is the message key): when due,
 * on whichever node picks it, it makes one attempt in a transaction and comes back when
 * the attempt asks to be tried again, after {@code retry-delay} doubled per failed
 * attempt, at most {@code max-retry-delay}.
 */
abstract class OutboxTask extends CustomTask<Void> {

	private final TransactionTemplate transactions;

	private final Duration retryDelay;

	private final Duration maxRetryDelay;

	OutboxTask(String name, TransactionTemplate transactions, Duration retryDelay, Duration maxRetryDelay) {
		super(name, Void.class, null, Function.identity(),
				new FailureHandler.ExponentialBackoffFailureHandler<>(retryDelay),
				new DeadExecutionHandler.ReviveDeadExecution<>());
		this.transactions = transactions;
		this.retryDelay = retryDelay;
		this.maxRetryDelay = maxRetryDelay;
	}

	@Override
	public final CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
		Instant retryAt = this.transactions.execute(status -> attempt(instance.getId()));
		if (retryAt == null) {
			return new CompletionHandler.OnCompleteRemove<>();
		}
		return (complete, operations) -> operations.reschedule(complete, retryAt);
	}

	/**
	 * Sends the message of {@code key} if it is still due; answers when to try again, or
	 * {@code null} when it is done with (sent, failed for good, or no longer wanted).
	 */
	abstract Instant attempt(String key);

	/**
	 * When to try again after {@code failedAttempts} failed attempts, from {@code now}.
	 */
	Instant retryAt(Instant now, int failedAttempts) {
		Duration delay = this.retryDelay.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
		return now.plus(delay.compareTo(this.maxRetryDelay) > 0 ? this.maxRetryDelay : delay);
	}

}
