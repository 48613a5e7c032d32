package dev.steward.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear value axis of a chart, from zero to a round maximum, with evenly spaced round
 * ticks: counts get whole steps of 1, 2 or 5 times a power of ten, shares run from 0 % to
 * 100 % in quarters.
 */
record ChartScale(double max, List<Double> ticks) {

	/** About how many steps a count axis is divided into. */
	static final int STEPS = 4;

	private static final double QUARTER = 0.25;

	/** An axis for counts up to {@code largest}: at least 0 to 1, ending on a tick. */
	static ChartScale counts(double largest) {
		if (largest <= 0) {
			return new ChartScale(1, List.of(0.0, 1.0));
		}
		double raw = largest / STEPS;
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		double step = magnitude * 10;
		for (double factor : new double[] { 1, 2, 5 }) {
			if (magnitude * factor >= raw) {
				step = magnitude * factor;
				break;
			}
		}
		step = Math.max(1, step);
		double max = Math.ceil(largest / step) * step;
		return new ChartScale(max, ticks(max, step));
	}

	/** An axis for shares, 0 to 1 in quarters. */
	static ChartScale shares() {
		return new ChartScale(1, ticks(1, QUARTER));
	}

	private static List<Double> ticks(double max, double step) {
		List<Double> ticks = new ArrayList<>();
		for (int i = 0; i * step <= max + step / 1000; i++) {
			ticks.add(i * step);
		}
		return ticks;
	}

	/** Where {@code value} lies on the axis, from 0 (zero or less) to 1 (the maximum). */
	double fraction(double value) {
		return Math.max(0, Math.min(1, value / this.max));
	}

	/** A coordinate as SVG attributes take it: one decimal, a dot. */
	static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
