package dev.steward.slas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

import dev.steward.slas.internal.BucketStore.Counts;
import dev.steward.slas.internal.SloStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** The budget burn-down computed by hand from running sums. */
class BurnDownTest {

	private static final long NOW = Math.floorDiv(Instant.parse("2026-11-26T12:00:00Z").getEpochSecond(), 60);

	/** A one-day window: 1,440 minutes, so five points lie 6 hours apart. */
	private static final long START = NOW - 1440;

	@Test
	void theBudgetOfTheWholeWindowSoFarIsSpentPointByPoint() {
		// running sums (good, total) after each bucket; 100 bad events before the window
		// do not count, then 50, 100 and 50 bad events among 10,000 each
		LongFunction<Counts> sums = runningSums(Map.of(START - 10, new Counts(500, 600), START + 100,
				new Counts(10_450, 10_600), START + 700, new Counts(20_350, 20_600), NOW, new Counts(30_300, 30_600)));
		// objective 99 %: budget = 1 % of 30,000 events = 300 bad events
		List<BurnDownPoint> curve = SloEvaluator.burnDownOf(slo(99), NOW, 5, sums);
		assertThat(curve).extracting(BurnDownPoint::at)
			.containsExactly(minute(START), minute(START + 360), minute(START + 720), minute(START + 1080),
					minute(NOW));
		assertThat(curve.get(0).remainingRatio()).isEqualTo(1.0);
		assertThat(curve.get(1).remainingRatio()).isCloseTo(1 - 50.0 / 300, within(1e-12));
		assertThat(curve.get(2).remainingRatio()).isCloseTo(0.5, within(1e-12));
		assertThat(curve.get(3).remainingRatio()).isCloseTo(0.5, within(1e-12));
		assertThat(curve.get(4).remainingRatio()).isCloseTo(1 - 200.0 / 300, within(1e-12));
	}

	@Test
	void anOverspentBudgetGoesBelowZeroAndTheLastPointIsTheStatusRatio() {
		// objective 99.9 %: 10,000 events allow 10 bad ones; 25 are bad
		LongFunction<Counts> sums = runningSums(
				Map.of(START + 1, new Counts(4_990, 5_000), NOW - 1, new Counts(9_975, 10_000)));
		List<BurnDownPoint> curve = SloEvaluator.burnDownOf(slo(99.9), NOW, 3, sums);
		assertThat(curve).extracting(BurnDownPoint::remainingRatio)
			.satisfiesExactly(start -> assertThat(start).isEqualTo(1.0),
					middle -> assertThat(middle).isCloseTo(0.0, within(1e-9)),
					end -> assertThat(end).isCloseTo(-1.5, within(1e-9)));
		SloStatus status = SloEvaluator.statusOf(slo(99.9), minute(NOW), sums.apply(NOW),
				back -> sums.apply(NOW - back.toMinutes()));
		assertThat(status.errorBudget().remainingRatio()).isCloseTo(curve.getLast().remainingRatio(), within(1e-12));
	}

	@Test
	void noEventsInTheWindowHaveNoRatio() {
		LongFunction<Counts> sums = runningSums(Map.of(START - 60, new Counts(10, 20)));
		assertThat(SloEvaluator.burnDownOf(slo(99), NOW, 2, sums)).extracting(BurnDownPoint::remainingRatio)
			.containsOnlyNulls();
		assertThatIllegalArgumentException().isThrownBy(() -> SloEvaluator.burnDownOf(slo(99), NOW, 1, sums));
	}

	/** The latest running sums at or before a minute, as the bucket store answers. */
	private static LongFunction<Counts> runningSums(Map<Long, Counts> buckets) {
		TreeMap<Long, Counts> sorted = new TreeMap<>(buckets);
		return minute -> {
			Map.Entry<Long, Counts> floor = sorted.floorEntry(minute);
			return floor == null ? Counts.ZERO : floor.getValue();
		};
	}

	private static SloStore.Row slo(double objective) {
		return new SloStore.Row(1, "checkout", "availability", null, "availability", objective, "P1D", 1440, null, null,
				null, null, null, "none", null, minute(NOW), 1);
	}

	private static Instant minute(long minute) {
		return Instant.ofEpochSecond(minute * 60);
	}

}
