package dev.steward.notifications.internal;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.steward.common.GaugeReadings;
import org.springframework.stereotype.Component;

/**
 * Counts every attempt to send a message by channel, kind and outcome
 * ({@code steward.notifications.attempts}), and reads how many incident notifications are
 * due and not sent per channel and for how long the oldest has been due
 * ({@code steward.notifications.backlog}, {@code steward.notifications.backlog.oldest}).
 */
@Component
class DeliveryMetrics {

	/** The kind of an incident notification. */
	static final String INCIDENT = "incident";

	/** The kind of a mail of the outbox (digests, reminders, notices to teams). */
	static final String OUTBOX = "outbox";

	private final MeterRegistry meters;

	DeliveryMetrics(MeterRegistry meters, GaugeReadings readings, DeliveryStore store, Clock clock) {
		this.meters = meters;
		for (Outcome outcome : Outcome.values()) {
			Addresses.CHANNELS.forEach(channel -> attempts(INCIDENT, channel, outcome));
			attempts(OUTBOX, Addresses.EMAIL, outcome);
		}
		readings.backlog("steward.notifications.backlog", "incident notifications", "channel", Addresses.CHANNELS,
				() -> store.backlog(clock.instant()));
	}

	/** What became of one attempt: the {@code outcome} tag. */
	enum Outcome {

		/** The message was handed over. */
		SENT("sent"),
		/** It failed and will be tried again. */
		RETRY("retry"),
		/** It failed for good. */
		FAILED("failed");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

		/** The outcome of a failed attempt: for good when {@code last}. */
		static Outcome failure(boolean last) {
			return last ? FAILED : RETRY;
		}

	}

	void attempted(String kind, String channel, Outcome outcome) {
		attempts(kind, channel, outcome).increment();
	}

	private Counter attempts(String kind, String channel, Outcome outcome) {
		return Counter.builder("steward.notifications.attempts")
			.description("Attempts to send a message, by channel, kind and outcome")
			.tag("kind", kind)
			.tag("channel", channel)
			.tag("outcome", outcome.tag)
			.register(this.meters);
	}

}
