package dev.steward.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.steward.reporting.web.ChartScale.coordinate;

/**
 * A bar chart drawn as server-rendered SVG in a {@value #WIDTH}×{@value #HEIGHT} view
 * box: one slot per category (a week, a person), one bar per series in each slot, a value
 * axis with labelled levels, and every value again as table rows for readers who cannot
 * see the drawing. A {@code null} value draws no bar (nothing to measure); zero draws a
 * bar of no height.
 */
record BarChart(String id, String title, String summary, String categoryAxis, String valueAxis, List<Tick> levels,
		List<Tick> categories, List<Bar> bars, List<Legend> legend, List<Row> rows) {

	static final int WIDTH = 720;

	static final int HEIGHT = 280;

	static final double LEFT = 64;

	static final double RIGHT = 708;

	static final double TOP = 16;

	static final double BOTTOM = 220;

	/** At most this many category labels are written; the others are left out evenly. */
	static final int MAX_LABELS = 12;

	private static final double VALUE_TITLE_X = 14;

	/** The share of a slot its bars fill; the rest is the gap between slots. */
	private static final double FILL = 0.8;

	/** How a chart's values are written and scaled. */
	enum Format {

		/** Whole counts on an axis from zero to a round maximum. */
		COUNT,
		/** Shares from 0 % to 100 %. */
		SHARE

	}

	/**
	 * One series of values, one per category; {@code null} where nothing was measured.
	 */
	record Series(String name, String cssClass, List<? extends Number> values) {
	}

	/**
	 * The chart {@code title} of {@code series} over {@code categories}, with axis
	 * titles.
	 */
	static BarChart of(String id, String title, String categoryAxis, String valueAxis, Format format,
			List<String> categories, List<Series> series) {
		double largest = series.stream()
			.flatMap(one -> one.values().stream())
			.filter(Objects::nonNull)
			.mapToDouble(Number::doubleValue)
			.max()
			.orElse(0);
		ChartScale scale = format == Format.SHARE ? ChartScale.shares() : ChartScale.counts(largest);
		List<Tick> levels = scale.ticks()
			.stream()
			.map(level -> new Tick(coordinate(y(scale.fraction(level))), text(format, level)))
			.toList();
		List<Legend> legend = series.stream().map(one -> new Legend(one.name(), one.cssClass())).toList();
		int count = categories.size();
		if (count == 0) {
			return new BarChart(id, title, "No data in the period.", categoryAxis, valueAxis, levels, List.of(),
					List.of(), legend, List.of());
		}
		double slot = (RIGHT - LEFT) / count;
		double barWidth = slot * FILL / series.size();
		int labelEvery = (count + MAX_LABELS - 1) / MAX_LABELS;
		List<Tick> labels = new ArrayList<>();
		List<Bar> bars = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String category = categories.get(i);
			double start = LEFT + slot * i + slot * (1 - FILL) / 2;
			if (i % labelEvery == 0) {
				labels.add(new Tick(coordinate(LEFT + slot * (i + 0.5)), category));
			}
			List<String> values = new ArrayList<>();
			for (int s = 0; s < series.size(); s++) {
				Series one = series.get(s);
				Number value = one.values().get(i);
				values.add(value == null ? ReportPagesText.NONE : text(format, value.doubleValue()));
				if (value != null) {
					double top = y(scale.fraction(value.doubleValue()));
					bars.add(new Bar(one.cssClass(), coordinate(start + barWidth * s), coordinate(top),
							coordinate(barWidth), coordinate(BOTTOM - top),
							category + " · " + one.name() + ": " + values.getLast()));
				}
			}
			rows.add(new Row(category, values));
		}
		return new BarChart(id, title,
				title + ", " + categories.getFirst() + (count > 1 ? " to " + categories.getLast() : "")
						+ "; the table lists every value.",
				categoryAxis, valueAxis, levels, labels, bars, legend, rows);
	}

	private static double y(double fraction) {
		return BOTTOM - (BOTTOM - TOP) * fraction;
	}

	private static String text(Format format, double value) {
		return format == Format.SHARE ? ReportPagesText.INSTANCE.percent(value)
				: ReportPagesText.INSTANCE.number(value, 2);
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	/** The left edge of the plot, where level labels end. */
	public String left() {
		return coordinate(LEFT);
	}

	/** The right edge of the plot. */
	public String right() {
		return coordinate(RIGHT);
	}

	/** The bottom of the plot, the zero line under which categories are written. */
	public String bottom() {
		return coordinate(BOTTOM);
	}

	/** Turns the value axis title upright along the left edge, at mid-height. */
	public String valueTitleTransform() {
		return "rotate(-90 " + coordinate(VALUE_TITLE_X) + " " + coordinate((TOP + BOTTOM) / 2) + ")";
	}

	public String valueTitleX() {
		return coordinate(VALUE_TITLE_X);
	}

	public String valueTitleY() {
		return coordinate((TOP + BOTTOM) / 2);
	}

	/** The middle of the plot's width, where the category axis title is written. */
	public String centre() {
		return coordinate((LEFT + RIGHT) / 2);
	}

	/** The baseline of the category axis title, under the category labels. */
	public String categoryTitleY() {
		return coordinate(HEIGHT - 8);
	}

	/** The names of the series, the table's column headers after the category. */
	public List<String> seriesNames() {
		return this.legend.stream().map(Legend::name).toList();
	}

	/** A labelled position on an axis. */
	record Tick(String at, String label) {
	}

	/** One bar: its box and what it shows, as a tooltip. */
	record Bar(String cssClass, String x, String y, String width, String height, String label) {
	}

	/** One series' name and how its bars are coloured. */
	record Legend(String name, String cssClass) {
	}

	/** One category's values as written in the table. */
	record Row(String category, List<String> values) {
	}

}
