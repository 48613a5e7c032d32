package dev.steward.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Database readings behind gauges that every node reports alike (open incidents, due
 * deliveries, due timers): a reading runs its query when a scrape asks for it and its
 * last result is older than {@code steward.metrics.refresh-interval}, so scrapes cost at
 * most one query per reading, interval and node, however often they come. A query that
 * fails keeps the last result until the next interval. Each node reports the same
 * figures, so dashboards and alerts take their {@code max} over nodes, never their sum.
 */
@Component
public class GaugeReadings {

	private static final Logger log = LoggerFactory.getLogger(GaugeReadings.class);

	private final MeterRegistry meters;

	private final Clock clock;

	private final Duration interval;

	GaugeReadings(MeterRegistry meters, Clock clock,
			@Value("${steward.metrics.refresh-interval:PT15S}") Duration interval) {
		this.meters = meters;
		this.clock = clock;
		this.interval = interval;
	}

	/** The interval after which a reading runs its query again. */
	public Duration interval() {
		return this.interval;
	}

	/**
	 * A reading of {@code query}, named {@code what} in the log, that is {@code initial}
	 * until the query first succeeds.
	 */
	public <T> Supplier<T> reading(String what, Supplier<T> query, T initial) {
		return new Reading<>(what, query, initial);
	}

	/**
	 * Registers two gauges per value of {@code tag} in {@code keys}: {@code name}, how
	 * many items of {@code what} are due and not done, and {@code name.oldest}, for how
	 * many seconds the oldest of them has been due (0 when none is); both from one
	 * reading of {@code query}, which answers the backlog per tag value and may leave out
	 * the empty ones.
	 */
	public void backlog(String name, String what, String tag, Collection<String> keys,
			Supplier<Map<String, Backlog>> query) {
		Supplier<Map<String, Backlog>> reading = reading(what, query, Map.of());
		for (String key : keys) {
			Gauge.builder(name, () -> backlogOf(reading, key).count())
				.description(what + " due and not done")
				.tag(tag, key)
				.register(this.meters);
			Gauge.builder(name + ".oldest", () -> backlogOf(reading, key).ageAt(this.clock.instant()))
				.description("How long the oldest of the " + what + " due and not done has been due")
				.tag(tag, key)
				.baseUnit("seconds")
				.register(this.meters);
		}
	}

	/**
	 * The backlogs per key that {@code query} selects, one row per key with the columns
	 * {@code backlog_key}, {@code due} (a count) and {@code oldest_due} (a timestamp).
	 */
	public static Map<String, Backlog> backlogs(JdbcClient.StatementSpec query) {
		Map<String, Backlog> backlogs = new HashMap<>();
		query.query(rs -> {
			backlogs.put(rs.getString("backlog_key"), new Backlog(rs.getLong("due"), Sql.instant(rs, "oldest_due")));
		});
		return backlogs;
	}

	private static Backlog backlogOf(Supplier<Map<String, Backlog>> reading, String key) {
		return reading.get().getOrDefault(key, Backlog.NONE);
	}

	/** How many items are due and not done, and since when the oldest of them is due. */
	public record Backlog(long count, Instant oldestDue) {

		static final Backlog NONE = new Backlog(0, null);

		/** Seconds since the oldest item fell due at {@code now}; 0 when none is due. */
		double ageAt(Instant now) {
			return this.oldestDue == null ? 0 : Math.max(0, Duration.between(this.oldestDue, now).toMillis() / 1000.0);
		}

	}

	private final class Reading<T> implements Supplier<T> {

		private final String what;

		private final Supplier<T> query;

		private T value;

		private Instant readAt;

		Reading(String what, Supplier<T> query, T initial) {
			this.what = what;
			this.query = query;
			this.value = initial;
		}

		@Override
		public synchronized T get() {
			Instant now = GaugeReadings.this.clock.instant();
			if (this.readAt == null || !now.isBefore(this.readAt.plus(GaugeReadings.this.interval))) {
				this.readAt = now;
				try {
					this.value = this.query.get();
				}
				catch (RuntimeException ex) {
					log.warn("Could not read {} for the metrics; keeping the last value: {}", this.what,
							ex.getMessage());
				}
			}
			return this.value;
		}

	}

}
