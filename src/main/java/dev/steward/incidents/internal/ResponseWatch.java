package dev.steward.incidents.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches how an incident is answered: puts a breach of its response SLA on the timeline
 * when the acknowledge-by or resolve-by time passes first, and, when
 * {@code steward.incidents.acknowledgement-timeout} is set, triggers an incident again
 * that stayed acknowledged that long without being resolved.
 */
@Component
public class ResponseWatch {

	static final String SLA_TASK = "incident-response-sla";

	static final String ACK_TIMEOUT_TASK = "incident-acknowledgement-timeout";

	private final IncidentStore store;

	private final Timeline timeline;

	private final Escalation escalation;

	private final ObjectProvider<SchedulerClient> timers;

	private final TransactionTemplate transaction;

	private final Optional<Duration> acknowledgementTimeout;

	ResponseWatch(IncidentStore store, Timeline timeline, Escalation escalation, ObjectProvider<SchedulerClient> timers,
			TransactionTemplate transaction,
			@Value("${steward.incidents.acknowledgement-timeout:}") Duration acknowledgementTimeout) {
		this.store = store;
		this.timeline = timeline;
		this.escalation = escalation;
		this.timers = timers;
		this.transaction = transaction;
		this.acknowledgementTimeout = Optional.ofNullable(acknowledgementTimeout).filter(Duration::isPositive);
	}

	/** Starts watching a new incident's acknowledge-by and resolve-by times. */
	public void watch(long number, Instant ackBy, Instant resolveBy) {
		schedule(SLA_TASK, "incident-" + number + "-ack-by", number + "/acknowledge", ackBy);
		schedule(SLA_TASK, "incident-" + number + "-resolve-by", number + "/resolve", resolveBy);
	}

	/** Starts the acknowledgement timeout of an incident acknowledged at {@code at}. */
	public void acknowledged(long number, Instant at) {
		this.acknowledgementTimeout
			.ifPresent(timeout -> schedule(ACK_TIMEOUT_TASK, "incident-" + number + "-ack-" + at.toEpochMilli(),
					number + "/" + at.toEpochMilli(), at.plus(timeout)));
	}

	void checkSla(String data) {
		String[] parts = data.split("/");
		long number = Long.parseLong(parts[0]);
		boolean acknowledge = parts[1].equals("acknowledge");
		this.transaction.executeWithoutResult(status -> this.store.findForUpdate(number).ifPresent(incident -> {
			boolean missed = acknowledge ? incident.acknowledgedAt() == null && incident.resolvedAt() == null
					: incident.resolvedAt() == null;
			if (missed) {
				this.timeline.record(number, "sla-breached", null,
						acknowledge ? "Not acknowledged by " + incident.ackBy()
								: "Not resolved by " + incident.resolveBy(),
						Map.of("target", acknowledge ? "acknowledge" : "resolve"));
			}
		}));
	}

	void acknowledgementTimedOut(String data) {
		String[] parts = data.split("/");
		long number = Long.parseLong(parts[0]);
		Instant acknowledgedAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
		this.transaction.executeWithoutResult(status -> this.store.findForUpdate(number)
			.filter(incident -> "acknowledged".equals(incident.status()) && incident.acknowledgedAt() != null
					&& incident.acknowledgedAt().toEpochMilli() == acknowledgedAt.toEpochMilli())
			.ifPresent(incident -> {
				this.store.retrigger(number, incident.policy());
				this.timeline.record(number, "retriggered", null,
						"Still not resolved " + this.acknowledgementTimeout.orElseThrow() + " after acknowledgement",
						null);
				this.escalation.begin(number);
			}));
	}

	private void schedule(String task, String id, String data, Instant at) {
		this.timers.getObject().scheduleIfNotExists(new TaskInstance<>(task, id, data), at);
	}

}
