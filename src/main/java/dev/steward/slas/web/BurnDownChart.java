package dev.steward.slas.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.steward.common.ReaderTimes;
import dev.steward.slas.BurnDownPoint;

/**
 * An SLO's budget burn-down drawn as server-rendered SVG: the share of the error budget
 * left over the window, from 100 % down to 0 % (or lower, to −100 % at most, once
 * overspent), in the coordinates of a {@value #WIDTH}×{@value #HEIGHT} view box, with the
 * points as text for readers who cannot see the drawing.
 */
record BurnDownChart(String path, String zeroLine, List<Tick> levels, List<Tick> times, List<Point> points,
		String summary) {

	static final int WIDTH = 720;

	static final int HEIGHT = 260;

	private static final double LEFT = 56;

	private static final double RIGHT = 708;

	private static final double TOP = 12;

	private static final double BOTTOM = 228;

	private static final double FLOOR = -1;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

	static BurnDownChart of(List<BurnDownPoint> curve, ReaderTimes times) {
		DateTimeFormatter time = TIME.withZone(times.zone());
		List<Point> points = curve.stream()
			.map(point -> new Point(time.format(point.at()),
					point.remainingRatio() == null ? "—" : SloText.percent(point.remainingRatio() * 100, 1)))
			.toList();
		List<Tick> timeTicks = new ArrayList<>();
		int last = curve.size() - 1;
		for (int quarter = 0; quarter <= 4; quarter++) {
			int index = last * quarter / 4;
			timeTicks.add(new Tick(coordinate(x(index, last)), time.format(curve.get(index).at())));
		}
		double lowest = curve.stream()
			.map(BurnDownPoint::remainingRatio)
			.filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue)
			.min()
			.orElse(0);
		double bottom = Math.max(FLOOR, Math.min(0, Math.floor(lowest * 4) / 4));
		List<Tick> levels = new ArrayList<>();
		for (int step = 4; step >= Math.round(bottom * 4); step--) {
			levels.add(new Tick(coordinate(y(step / 4.0, bottom)), SloText.percent(step * 25, 0)));
		}
		if (curve.stream().allMatch(point -> point.remainingRatio() == null)) {
			return new BurnDownChart(null, null, levels, timeTicks, points,
					"No events in the window yet, so no budget to burn.");
		}
		StringBuilder path = new StringBuilder();
		for (int i = 0; i <= last; i++) {
			Double ratio = curve.get(i).remainingRatio();
			path.append(i == 0 ? "M" : " L")
				.append(coordinate(x(i, last)))
				.append(',')
				.append(coordinate(y(ratio == null ? 1 : ratio, bottom)));
		}
		String zero = "M" + coordinate(LEFT) + "," + coordinate(y(0, bottom)) + " H" + coordinate(RIGHT);
		return new BurnDownChart(path.toString(), zero, levels, timeTicks, points,
				"Error budget left over the window: " + points.getFirst().remaining() + " at " + points.getFirst().at()
						+ ", " + points.getLast().remaining() + " at " + points.getLast().at() + ".");
	}

	private static double x(int index, int last) {
		return LEFT + (RIGHT - LEFT) * index / last;
	}

	private static double y(double ratio, double bottom) {
		double clamped = Math.max(bottom, Math.min(1, ratio));
		return TOP + (BOTTOM - TOP) * (1 - clamped) / (1 - bottom);
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** The left edge of the plot, where level labels end. */
	public String left() {
		return coordinate(LEFT);
	}

	/** The right edge of the plot. */
	public String right() {
		return coordinate(RIGHT);
	}

	/** The bottom of the plot, under which times are written. */
	public String bottom() {
		return coordinate(BOTTOM);
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	/** A labelled position on an axis. */
	record Tick(String at, String label) {
	}

	/** One point of the curve as text. */
	record Point(String at, String remaining) {
	}

}
