package dev.steward.reporting.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.steward.reporting.ServiceReport;
import dev.steward.slas.SloIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The geometry of the report charts: scales, bar boxes, labels and empty data. */
class ChartGeometryTest {

	private static final double PLOT_HEIGHT = BarChart.BOTTOM - BarChart.TOP;

	@Test
	void countScalesEndOnARoundTickAtOrAboveTheLargestValue() {
		assertThat(ChartScale.counts(3).ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
		assertThat(ChartScale.counts(7).ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
		assertThat(ChartScale.counts(37).max()).isEqualTo(40);
		assertThat(ChartScale.counts(37).ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
		assertThat(ChartScale.counts(1234).ticks()).containsExactly(0.0, 500.0, 1000.0, 1500.0);
		assertThat(ChartScale.counts(0.4).ticks()).as("counts step by whole numbers").containsExactly(0.0, 1.0);
		assertThat(ChartScale.counts(0).ticks()).as("nothing counted still draws an axis").containsExactly(0.0, 1.0);
	}

	@Test
	void sharesRunFromNothingToAllInQuarters() {
		ChartScale shares = ChartScale.shares();
		assertThat(shares.ticks()).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
		assertThat(shares.fraction(0.5)).isEqualTo(0.5);
		assertThat(shares.fraction(-0.3)).as("below the axis is clamped").isZero();
		assertThat(shares.fraction(1.7)).isEqualTo(1);
	}

	@Test
	void barHeightsAreProportionalToTheValueOnTheScaleAndStandOnTheZeroLine() {
		BarChart chart = BarChart.of("c", "Deployments per week", "week", "deployments", BarChart.Format.COUNT,
				List.of("2026-W09", "2026-W10", "2026-W11"),
				List.of(new BarChart.Series("deployments", "deployments", List.of(4, 0, 2))));
		assertThat(chart.bars()).hasSize(3);
		assertThat(chart.bars()).extracting(BarChart.Bar::height)
			.containsExactly(coordinate(PLOT_HEIGHT), coordinate(0), coordinate(PLOT_HEIGHT / 2));
		assertThat(chart.bars())
			.allSatisfy(bar -> assertThat(Double.parseDouble(bar.y()) + Double.parseDouble(bar.height()))
				.isCloseTo(BarChart.BOTTOM, offset(0.11)));
		assertThat(chart.levels()).extracting(BarChart.Tick::label).containsExactly("0", "1", "2", "3", "4");
		assertThat(chart.levels().getLast().at()).isEqualTo(coordinate(BarChart.TOP));
		assertThat(chart.bars().get(0).label()).isEqualTo("2026-W09 · deployments: 4");
		assertThat(chart.rows()).extracting(BarChart.Row::values)
			.containsExactly(List.of("4"), List.of("0"), List.of("2"));
		assertThat(chart.summary()).contains("2026-W09 to 2026-W11");
	}

	@Test
	void seriesShareEachSlotSideBySideWithoutOverlapping() {
		BarChart chart = BarChart.of("c", "Incidents per week", "week", "incidents", BarChart.Format.COUNT,
				List.of("a", "b"), List.of(new BarChart.Series("all", "incidents", List.of(5, 3)),
						new BarChart.Series("high", "high", List.of(2, 0))));
		assertThat(chart.bars()).hasSize(4);
		List<Double> xs = chart.bars().stream().map(bar -> Double.parseDouble(bar.x())).toList();
		double width = Double.parseDouble(chart.bars().get(0).width());
		assertThat(xs).isSorted();
		for (int i = 1; i < xs.size(); i++) {
			assertThat(xs.get(i) - xs.get(i - 1)).isGreaterThanOrEqualTo(width - 0.1);
		}
		assertThat(xs.getFirst()).isGreaterThanOrEqualTo(BarChart.LEFT);
		assertThat(xs.getLast() + width).isLessThanOrEqualTo(BarChart.RIGHT);
		assertThat(chart.seriesNames()).containsExactly("all", "high");
		assertThat(chart.rows().get(0).values()).containsExactly("5", "2");
	}

	@Test
	void aMissingValueDrawsNoBarButKeepsItsRowAndSharesAreWrittenAsPercentages() {
		BarChart chart = BarChart.of("c", "Change failure rate", "week", "failed", BarChart.Format.SHARE,
				List.of("a", "b", "c"),
				List.of(new BarChart.Series("rate", "failure-rate", Arrays.asList(0.5, null, 0.0))));
		assertThat(chart.bars()).hasSize(2);
		assertThat(chart.bars().get(0).height()).isEqualTo(coordinate(PLOT_HEIGHT / 2));
		assertThat(chart.rows()).extracting(row -> row.values().getFirst()).containsExactly("50 %", "—", "0 %");
		assertThat(chart.levels()).extracting(BarChart.Tick::label)
			.containsExactly("0 %", "25 %", "50 %", "75 %", "100 %");
	}

	@Test
	void manyCategoriesAreLabelledSparselyButEachGetsItsBar() {
		List<String> weeks = IntStream.rangeClosed(1, 53).mapToObj(week -> "W" + week).toList();
		BarChart chart = BarChart.of("c", "Incidents", "week", "incidents", BarChart.Format.COUNT, weeks,
				List.of(new BarChart.Series("all", "incidents", weeks.stream().map(week -> 1).toList())));
		assertThat(chart.bars()).hasSize(53);
		assertThat(chart.categories()).hasSizeLessThanOrEqualTo(BarChart.MAX_LABELS);
		assertThat(chart.categories().getFirst().label()).isEqualTo("W1");
		assertThat(chart.rows()).hasSize(53);
	}

	@Test
	void noCategoriesDrawAnEmptyChartThatSaysSo() {
		BarChart chart = BarChart.of("c", "Pages per person", "person", "pages", BarChart.Format.COUNT, List.of(),
				List.of(new BarChart.Series("pages", "pages", List.of())));
		assertThat(chart.bars()).isEmpty();
		assertThat(chart.rows()).isEmpty();
		assertThat(chart.categories()).isEmpty();
		assertThat(chart.summary()).isEqualTo("No data in the period.");
		assertThat(chart.levels()).extracting(BarChart.Tick::label).containsExactly("0", "1");
	}

	@Test
	void budgetBarsFillTheTrackAsFarAsTheBudgetLeftAndMarkOverspentAndUnmeasuredSlos() {
		BudgetChart chart = BudgetChart
			.of(List.of(slo("availability", 0.5), slo("latency", -0.2), slo("ratio", null), slo("full", 1.0)));
		double track = BudgetChart.TRACK_END - BudgetChart.TRACK_START;
		assertThat(chart.rows()).extracting(BudgetChart.Row::state)
			.containsExactly("left", "overspent", "no-data", "left");
		assertThat(chart.rows()).extracting(BudgetChart.Row::width)
			.containsExactly(coordinate(track / 2), coordinate(0), null, coordinate(track));
		assertThat(chart.rows()).extracting(BudgetChart.Row::value)
			.containsExactly("50 %", "-20 % (overspent)", "no events", "100 %");
		assertThat(Double.parseDouble(chart.rows().get(1).top()) - Double.parseDouble(chart.rows().get(0).top()))
			.isEqualTo(BudgetChart.ROW_HEIGHT);
		assertThat(chart.viewBox()).isEqualTo("0 0 720 " + chart.height());
		assertThat(chart.height()).isGreaterThan((int) (BudgetChart.ROW_HEIGHT * 4));
		assertThat(chart.summary()).startsWith("availability: 50 %; latency: -20 % (overspent)");
	}

	@Test
	void noSlosDrawNoBudgetBars() {
		BudgetChart chart = BudgetChart.of(List.of());
		assertThat(chart.rows()).isEmpty();
		assertThat(chart.summary()).isEqualTo("No SLOs.");
	}

	private static ServiceReport.Slo slo(String name, Double budgetRemaining) {
		return new ServiceReport.Slo(name, SloIndicator.AVAILABILITY, 99.9, budgetRemaining == null ? null : 0.999,
				budgetRemaining, budgetRemaining == null ? null : budgetRemaining >= 0);
	}

	private static String coordinate(double value) {
		return ChartScale.coordinate(value);
	}

}
