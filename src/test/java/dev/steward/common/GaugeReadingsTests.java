package dev.steward.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.steward.common.GaugeReadings.Backlog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gauge reading queries at most once per interval however often it is read, keeps its
 * last value when the query fails, and a backlog shows its count and the age of its
 * oldest item per key.
 */
class GaugeReadingsTests {

	private static final Instant START = Instant.parse("2027-01-04T09:00:00Z");

	private static final Duration INTERVAL = Duration.ofSeconds(15);

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final SetClock clock = new SetClock();

	private final GaugeReadings readings = new GaugeReadings(this.meters, this.clock, INTERVAL);

	@Test
	void queriesAtMostOncePerInterval() {
		AtomicInteger queries = new AtomicInteger();
		Supplier<Integer> reading = this.readings.reading("counts", queries::incrementAndGet, 0);
		assertThat(reading.get()).isEqualTo(1);
		assertThat(reading.get()).isEqualTo(1);
		at(START.plus(INTERVAL).minusMillis(1));
		assertThat(reading.get()).isEqualTo(1);
		at(START.plus(INTERVAL));
		assertThat(reading.get()).isEqualTo(2);
		assertThat(queries.get()).isEqualTo(2);
	}

	@Test
	void keepsTheLastValueWhileTheQueryFailsAndTriesAgainNextInterval() {
		AtomicInteger queries = new AtomicInteger();
		Supplier<Integer> reading = this.readings.reading("counts", () -> {
			if (queries.incrementAndGet() == 2) {
				throw new IllegalStateException("database unreachable");
			}
			return queries.get() * 10;
		}, -1);
		assertThat(reading.get()).isEqualTo(10);
		at(START.plus(INTERVAL));
		assertThat(reading.get()).isEqualTo(10);
		assertThat(reading.get()).isEqualTo(10);
		assertThat(queries.get()).as("no retry within the interval").isEqualTo(2);
		at(START.plus(INTERVAL.multipliedBy(2)));
		assertThat(reading.get()).isEqualTo(30);
	}

	@Test
	void aBacklogShowsCountAndAgeOfTheOldestPerKeyAndZeroForKeysWithout() {
		this.readings.backlog("steward.test.backlog", "test items", "channel", List.of("email", "webhook"),
				() -> Map.of("email", new Backlog(3, START.minusSeconds(90))));
		assertThat(gauge("steward.test.backlog", "email")).isEqualTo(3);
		assertThat(gauge("steward.test.backlog.oldest", "email")).isEqualTo(90);
		assertThat(gauge("steward.test.backlog", "webhook")).isZero();
		assertThat(gauge("steward.test.backlog.oldest", "webhook")).isZero();
		at(START.plusSeconds(10));
		assertThat(gauge("steward.test.backlog.oldest", "email")).as("ages between readings").isEqualTo(100);
		assertThat(this.meters.get("steward.test.backlog.oldest").gauge().getId().getBaseUnit()).isEqualTo("seconds");
	}

	private double gauge(String name, String channel) {
		return this.meters.get(name).tag("channel", channel).gauge().value();
	}

	private void at(Instant instant) {
		this.clock.now = instant;
	}

	/** A clock that shows whatever instant the test sets. */
	private static final class SetClock extends Clock {

		private Instant now = START;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
