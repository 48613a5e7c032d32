package dev.steward.incidents.internal;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.steward.common.Histograms;
import org.springframework.stereotype.Component;

/**
 * Counts the requests at each event door ({@code steward.events.received}, tag
 * {@code door}), the ones it refused by reason ({@code steward.events.rejected}) and
 * times the accepted ones from arrival to the answer, which comes once the event is filed
 * ({@code steward.events.ingest}). A door request is begun and finished by the web layer;
 * in between, the intake may note why it refuses one (an unknown integration key), which
 * the status alone does not tell.
 */
@Component
public class EventDoorMetrics {

	/** The doors, named as {@code Event.door()} names them. */
	public static final List<String> DOORS = List.of("events", "pagerduty", "alertmanager");

	/** Ingest buckets around the target of a p99 under 50 ms. */
	private static final Duration[] INGEST_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500) };

	private static final ThreadLocal<Visit> CURRENT = new ThreadLocal<>();

	private final MeterRegistry meters;

	EventDoorMetrics(MeterRegistry meters) {
		this.meters = meters;
		for (String door : DOORS) {
			received(door);
			ingest(door);
			for (Rejection rejection : Rejection.values()) {
				rejected(door, rejection);
			}
		}
	}

	/** Why a door refused a request: the {@code reason} tag. */
	public enum Rejection {

		/** Malformed or incomplete (any other 4xx). */
		INVALID("invalid"),
		/** The routing key is no active integration key. */
		UNKNOWN_KEY("unknown-key"),
		/** The key sent more events a minute than allowed (429). */
		RATE_LIMITED("rate-limited"),
		/** The body was over the limit (413). */
		TOO_LARGE("too-large"),
		/** Steward failed (5xx): not the sender's fault. */
		ERROR("error");

		private final String reason;

		Rejection(String reason) {
			this.reason = reason;
		}

		static Rejection of(int status, Rejection noted) {
			if (status >= 500) {
				return ERROR;
			}
			if (status == 413) {
				return TOO_LARGE;
			}
			if (status == 429) {
				return RATE_LIMITED;
			}
			return noted != null ? noted : INVALID;
		}

	}

	/** Starts a request at {@code door} on this thread. */
	public Visit begin(String door) {
		Visit visit = new Visit(door, System.nanoTime());
		CURRENT.set(visit);
		return visit;
	}

	/**
	 * Notes that the door request on this thread, if any, is refused for an unknown
	 * integration key.
	 */
	public void unknownKey() {
		Visit visit = CURRENT.get();
		if (visit != null) {
			visit.noted = Rejection.UNKNOWN_KEY;
		}
	}

	/** Ends the request with the status it was answered with. */
	public void finish(Visit visit, int status) {
		CURRENT.remove();
		received(visit.door).increment();
		if (status >= 200 && status < 300) {
			ingest(visit.door).record(Duration.ofNanos(System.nanoTime() - visit.started));
		}
		else {
			rejected(visit.door, Rejection.of(status, visit.noted)).increment();
		}
	}

	private Counter received(String door) {
		return Counter.builder("steward.events.received")
			.description("Requests that reached an event door")
			.tag("door", door)
			.register(this.meters);
	}

	private Counter rejected(String door, Rejection rejection) {
		return Counter.builder("steward.events.rejected")
			.description("Requests an event door refused, by reason")
			.tag("door", door)
			.tag("reason", rejection.reason)
			.register(this.meters);
	}

	private Timer ingest(String door) {
		return Histograms.timer(this.meters, "steward.events.ingest",
				"From a request reaching an event door to its answer, given once the event is filed", INGEST_BUCKETS,
				"door", door);
	}

	/** One request at a door, from its arrival. */
	public static final class Visit {

		private final String door;

		private final long started;

		private Rejection noted;

		private Visit(String door, long started) {
			this.door = door;
			this.started = started;
		}

	}

}
