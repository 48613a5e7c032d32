package dev.steward.slas.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import dev.steward.slas.internal.BucketStore.Counts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Running sums stay right through late samples, compaction into hours and expiry. */
class BucketStoreTests extends ApiTest {

	/** An hour boundary far in the past, so no other test's buckets are in the way. */
	private static final long HOUR = Math.floorDiv(Instant.parse("2001-01-01T00:00:00Z").getEpochSecond(), 60);

	@Autowired
	BucketStore buckets;

	@Autowired
	SloStore slos;

	@Autowired
	TransactionTemplate transactions;

	private long slo;

	@BeforeEach
	void slo() {
		String service = service(team(), 3);
		created(this.api.post("/api/v1/services/" + service + "/slos",
				Map.of("name", "availability", "indicator", "availability", "objective", 99, "window", "P1D")));
		this.slo = this.slos.find(service, "availability").orElseThrow().id();
	}

	@Test
	void aLateOrResentMinuteMovesEveryLaterRunningSum() {
		put(HOUR + 1, 9, 10);
		put(HOUR + 3, 5, 10);
		put(HOUR + 2, 7, 10);
		assertThat(this.buckets.cumulativeAt(this.slo, HOUR + 3)).isEqualTo(new Counts(21, 30));
		put(HOUR + 2, 10, 10);
		assertThat(this.buckets.cumulativeAt(this.slo, HOUR + 2)).isEqualTo(new Counts(19, 20));
		assertThat(this.buckets.cumulativeAt(this.slo, HOUR + 3)).isEqualTo(new Counts(24, 30));
		assertThat(this.buckets.cumulativeAt(this.slo, HOUR)).isEqualTo(Counts.ZERO);
	}

	@Test
	void compactingIntoHoursKeepsTheSumsAtEveryHourEnd() {
		Map<Long, Counts> before = new HashMap<>();
		for (long minute = HOUR; minute < HOUR + 180; minute += 7) {
			put(minute, minute % 3, 3);
		}
		for (long end = HOUR + 59; end < HOUR + 180; end += 60) {
			before.put(end, this.buckets.cumulativeAt(this.slo, end));
		}
		this.transactions.executeWithoutResult(status -> this.buckets.compactHours(HOUR + 120));
		assertThat(this.buckets.bucketsBetween(this.slo, HOUR - 1, HOUR + 119)).as("two hourly buckets").isEqualTo(2);
		before.forEach((end, sums) -> assertThat(this.buckets.cumulativeAt(this.slo, end)).as("at minute %d", end)
			.isEqualTo(sums));
	}

	@Test
	void expiredBucketsGoButTheNewestOfThemKeepsTheWindowsStart() {
		put(HOUR, 1, 1);
		put(HOUR + 10, 2, 2);
		put(HOUR + 3000, 3, 3);
		// a one-day window (1,440 minutes) and no margin, seen from HOUR + 3,000:
		// everything
		// before HOUR + 1,560 has expired, but HOUR + 10 still holds the running sums
		// there
		this.transactions.executeWithoutResult(status -> this.buckets.dropExpired(HOUR + 3000, 0));
		assertThat(this.buckets.bucketsBetween(this.slo, HOUR - 1, HOUR + 3000)).isEqualTo(2);
		assertThat(this.buckets.cumulativeAt(this.slo, HOUR + 1560)).isEqualTo(new Counts(3, 3));
		assertThat(this.buckets.cumulativeAt(this.slo, HOUR + 3000)
			.minus(this.buckets.cumulativeAt(this.slo, HOUR + 1560))).isEqualTo(new Counts(3, 3));
	}

	private void put(long minute, long good, long total) {
		this.transactions.executeWithoutResult(status -> this.buckets.put(this.slo, minute, good, total));
	}

}
