package dev.steward.incidents.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.steward.common.GaugeReadings;
import dev.steward.common.Histograms;
import dev.steward.incidents.IncidentStatus;
import dev.steward.incidents.Urgency;
import org.springframework.stereotype.Component;

/**
 * The incidents open now by urgency and status ({@code steward.incidents.open}, read from
 * the database at most once per refresh interval) and, once per incident, how long after
 * it was triggered its first notification went out
 * ({@code steward.paging.first.notification}, tag {@code urgency}).
 */
@Component
class IncidentMetrics {

	/** First-notification buckets: from the target of under a second to an hour. */
	private static final Duration[] FIRST_NOTIFICATION_BUCKETS = { Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
			Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
			Duration.ofMinutes(30), Duration.ofHours(1) };

	private final MeterRegistry meters;

	IncidentMetrics(MeterRegistry meters, GaugeReadings readings, IncidentStore store) {
		this.meters = meters;
		Supplier<Map<String, Long>> open = readings.reading("open incidents", store::openCounts, Map.of());
		for (Urgency urgency : Urgency.values()) {
			firstNotification(urgency.key());
			for (IncidentStatus status : List.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED)) {
				String key = urgency.key() + "/" + status.key();
				Gauge.builder("steward.incidents.open", () -> open.get().getOrDefault(key, 0L))
					.description("Incidents open now (triggered or acknowledged)")
					.tag("urgency", urgency.key())
					.tag("status", status.key())
					.register(meters);
			}
		}
	}

	/**
	 * Records that the first notification about an incident of {@code urgency} went out
	 * {@code after} it was triggered.
	 */
	void firstNotificationSent(String urgency, Duration after) {
		firstNotification(urgency).record(after);
	}

	private Timer firstNotification(String urgency) {
		return Histograms.timer(this.meters, "steward.paging.first.notification",
				"From an incident being triggered to its first notification being sent", FIRST_NOTIFICATION_BUCKETS,
				"urgency", urgency);
	}

}
