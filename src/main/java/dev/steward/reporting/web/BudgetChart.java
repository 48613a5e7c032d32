package dev.steward.reporting.web;

import java.util.ArrayList;
import java.util.List;

import dev.steward.reporting.ServiceReport;

import static dev.steward.reporting.web.ChartScale.coordinate;

/**
 * The error budget left of each SLO drawn as horizontal bars in server-rendered SVG: a
 * track from 0 % to 100 % per SLO, filled as far as the budget left reaches; an overspent
 * budget shows an empty track marked overspent, an SLO without events no bar.
 */
record BudgetChart(String summary, int height, List<BarChart.Tick> levels, List<Row> rows) {

	static final int WIDTH = 720;

	static final double LABEL_END = 190;

	static final double TRACK_START = 200;

	static final double TRACK_END = 620;

	static final double ROW_HEIGHT = 30;

	static final double BAR_HEIGHT = 16;

	static final double TOP = 8;

	/** Room under the rows for the level labels and the axis title. */
	private static final double AXIS = 40;

	static BudgetChart of(List<ServiceReport.Slo> slos) {
		ChartScale scale = ChartScale.shares();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < slos.size(); i++) {
			ServiceReport.Slo slo = slos.get(i);
			Double remaining = slo.budgetRemaining();
			double top = TOP + ROW_HEIGHT * i + (ROW_HEIGHT - BAR_HEIGHT) / 2;
			String state = remaining == null ? "no-data" : remaining < 0 ? "overspent" : "left";
			String width = remaining == null ? null : coordinate(scale.fraction(remaining) * (TRACK_END - TRACK_START));
			String value = remaining == null ? "no events" : ReportPagesText.INSTANCE.percent(remaining);
			rows.add(new Row(slo.name(), state, coordinate(top), coordinate(top + BAR_HEIGHT / 2), width,
					remaining != null && remaining < 0 ? value + " (overspent)" : value));
		}
		double bottom = TOP + ROW_HEIGHT * slos.size();
		List<BarChart.Tick> levels = scale.ticks()
			.stream()
			.map(level -> new BarChart.Tick(coordinate(TRACK_START + level * (TRACK_END - TRACK_START)),
					ReportPagesText.INSTANCE.percent(level)))
			.toList();
		String summary = rows.isEmpty() ? "No SLOs."
				: String.join("; ", rows.stream().map(row -> row.name() + ": " + row.value()).toList()) + ".";
		return new BudgetChart(summary, (int) Math.round(bottom + AXIS), levels, rows);
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + this.height;
	}

	/** Where the level labels are written, under the last row. */
	public String axis() {
		return coordinate(TOP + ROW_HEIGHT * this.rows.size());
	}

	/** Where the axis title is written. */
	public String axisTitle() {
		return coordinate(this.height - 4);
	}

	public String labelEnd() {
		return coordinate(LABEL_END);
	}

	public String trackStart() {
		return coordinate(TRACK_START);
	}

	public String trackWidth() {
		return coordinate(TRACK_END - TRACK_START);
	}

	/** Where the value is written, right of the track. */
	public String valueAt() {
		return coordinate(TRACK_END + 8);
	}

	public String barHeight() {
		return coordinate(BAR_HEIGHT);
	}

	public String centre() {
		return coordinate((TRACK_START + TRACK_END) / 2);
	}

	/**
	 * One SLO's bar: its state ({@code left}, {@code overspent}, {@code no-data}), top
	 * and vertical middle, filled width ({@code null} without events) and value as text.
	 */
	record Row(String name, String state, String top, String middle, String width, String value) {
	}

}
