package dev.steward.slas;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.steward.slas.internal.BucketStore.Counts;
import dev.steward.slas.internal.SloStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Budgets and burn rates computed by hand from running sums. */
class SloEvaluatorTest {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void budgetAndSliOverTheWindow() {
		// 1,000,000 events in the window, 400 bad, objective 99.9 %: budget 1,000 events
		SloStatus status = status(99.9, 30, new Counts(5_000_000, 5_000_000 + 1_000),
				back -> back.equals(Duration.ofDays(30)) ? new Counts(4_000_400, 4_000_600)
						: new Counts(5_000_000, 5_000_000 + 1_000));
		assertThat(status.totalEvents()).isEqualTo(1_000_400);
		assertThat(status.goodEvents()).isEqualTo(999_600);
		assertThat(status.errorBudget().total()).isCloseTo(1_000.4, within(1e-6));
		assertThat(status.errorBudget().consumed()).isEqualTo(800);
		assertThat(status.errorBudget().remaining()).isCloseTo(200.4, within(1e-6));
		assertThat(status.sli()).isCloseTo(99.92003, within(1e-4));
	}

	@Test
	void everyBurnRateWindowIsItsErrorRateOverTheAllowedRate() {
		// per window: total and bad events; objective 99 % allows 1 %
		Map<Duration, long[]> windows = Map.of(Duration.ofMinutes(5), new long[] { 500, 10 }, Duration.ofMinutes(30),
				new long[] { 3_000, 30 }, Duration.ofHours(1), new long[] { 6_000, 30 }, Duration.ofHours(2),
				new long[] { 12_000, 60 }, Duration.ofHours(6), new long[] { 36_000, 90 }, Duration.ofDays(1),
				new long[] { 144_000, 144 }, Duration.ofDays(3), new long[] { 432_000, 0 }, Duration.ofDays(30),
				new long[] { 4_320_000, 1_000 });
		Counts current = new Counts(10_000_000, 10_000_000);
		SloStatus status = status(99, 30, current, back -> {
			long[] counts = windows.get(back);
			return new Counts(current.good() - (counts[0] - counts[1]), current.total() - counts[0]);
		});
		assertThat(status.burnRates()).containsEntry("PT5M", 2.0)
			.containsEntry("PT30M", 1.0)
			.containsEntry("PT1H", 0.5)
			.containsEntry("PT2H", 0.5)
			.containsEntry("PT6H", 0.25)
			.containsEntry("P1D", 0.1)
			.containsEntry("P3D", 0.0);
		assertThat(status.alert()).isEqualTo(SloAlert.NONE);
	}

	@Test
	void noEventsMeansNoSliAndNoBurn() {
		SloStatus status = status(99.9, 28, Counts.ZERO, back -> Counts.ZERO);
		assertThat(status.sli()).isNull();
		assertThat(status.errorBudget().total()).isZero();
		assertThat(status.errorBudget().remainingRatio()).isNull();
		assertThat(status.burnRates().values()).containsOnly(0.0);
	}

	@Test
	void aFastBurnPages() {
		// every window: 2 % errors against 0.1 % allowed → burn 20
		SloStatus status = status(99.9, 30, new Counts(1_000_000, 1_000_000),
				back -> new Counts(1_000_000 - 49_000, 1_000_000 - 50_000));
		assertThat(status.burnRates().get("PT1H")).isCloseTo(20.0, within(1e-9));
		assertThat(status.alert()).isEqualTo(SloAlert.PAGE);
	}

	private static SloStatus status(double objective, int days, Counts current, Function<Duration, Counts> earlier) {
		SloStore.Row slo = new SloStore.Row(1, "checkout", "availability", null, "availability", objective,
				"P" + days + "D", days * 24 * 60, null, null, null, null, null, "none", null, NOW, 1);
		return SloEvaluator.statusOf(slo, NOW, current, earlier);
	}

}
