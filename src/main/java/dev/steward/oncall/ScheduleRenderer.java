package dev.steward.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Computes who is on call: the shifts of each layer and the final schedule, where a later
 * layer wins over an earlier one wherever it has someone and overrides win over all
 * layers. Pure computation over the schedule's definition; nothing here reads a clock or
 * a database.
 */
public final class ScheduleRenderer {

	private ScheduleRenderer() {
	}

	/**
	 * The final schedule over {@code [since, until)}.
	 * @param zone the schedule's time zone, which restrictions and calendar-day turns
	 * follow
	 * @param layers the layers, the last one winning
	 * @param overrides the overrides, oldest first: a later override wins where two
	 * overlap
	 */
	public static FinalSchedule render(ZoneId zone, List<Layer> layers, List<Shift> overrides, Instant since,
			Instant until) {
		List<List<Shift>> sources = new ArrayList<>();
		sources.add(resolveOverrides(overrides, since, until));
		for (int i = layers.size() - 1; i >= 0; i--) {
			sources.add(layerShifts(layers.get(i), zone, since, until));
		}
		List<Shift> entries = resolve(sources, since, until);
		List<TimeRange> gaps = new ArrayList<>();
		Instant covered = since;
		Duration coveredTime = Duration.ZERO;
		for (Shift entry : entries) {
			if (entry.start().isAfter(covered)) {
				gaps.add(new TimeRange(covered, entry.start()));
			}
			coveredTime = coveredTime.plus(Duration.between(entry.start(), entry.end()));
			covered = entry.end();
		}
		if (covered.isBefore(until)) {
			gaps.add(new TimeRange(covered, until));
		}
		Duration total = Duration.between(since, until);
		double coverage = total.isZero() ? 1.0 : seconds(coveredTime) / seconds(total);
		return new FinalSchedule(List.copyOf(entries), List.copyOf(gaps), coverage);
	}

	/** The user on call at one instant, or {@code null} for nobody. */
	public static String onCallAt(ZoneId zone, List<Layer> layers, List<Shift> overrides, Instant at) {
		List<Shift> entries = render(zone, layers, overrides, at, at.plusNanos(1)).entries();
		return entries.isEmpty() ? null : entries.get(0).user();
	}

	/**
	 * The shifts one layer has within {@code [since, until)}: its rotation, cut to the
	 * layer's own start and end and to its restrictions.
	 */
	public static List<Shift> layerShifts(Layer layer, ZoneId zone, Instant since, Instant until) {
		Instant from = latest(since, layer.start());
		Instant to = layer.end() == null ? until : earliest(until, layer.end());
		List<Shift> shifts = new ArrayList<>();
		if (!from.isBefore(to) || layer.users().isEmpty()) {
			return shifts;
		}
		Rotation rotation = new Rotation(layer, zone);
		for (TimeRange window : availability(layer, zone, from, to)) {
			long turn = rotation.turnAt(window.start());
			Instant start = window.start();
			while (start.isBefore(window.end())) {
				Instant end = earliest(rotation.start(turn + 1), window.end());
				append(shifts, new Shift(rotation.user(turn), start, end));
				start = end;
				turn++;
			}
		}
		return shifts;
	}

	/** Where a layer's restrictions let it have someone, within {@code [from, to)}. */
	private static List<TimeRange> availability(Layer layer, ZoneId zone, Instant from, Instant to) {
		if (layer.restrictions().isEmpty()) {
			return List.of(new TimeRange(from, to));
		}
		List<TimeRange> windows = new ArrayList<>();
		LocalDate last = to.atZone(zone).toLocalDate();
		for (Restriction restriction : layer.restrictions()) {
			for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(7); !day.isAfter(last); day = day
				.plusDays(1)) {
				if (restriction.weekly() && day.getDayOfWeek() != restriction.startDayOfWeek()) {
					continue;
				}
				LocalDateTime localStart = day.atTime(restriction.startTimeOfDay());
				Instant start = latest(from, local(localStart, zone, null));
				Instant end = earliest(to, local(localStart.plus(restriction.duration()), zone, null));
				if (start.isBefore(end)) {
					windows.add(new TimeRange(start, end));
				}
			}
		}
		windows.sort(Comparator.comparing(TimeRange::start));
		List<TimeRange> merged = new ArrayList<>();
		for (TimeRange window : windows) {
			TimeRange previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (previous != null && !window.start().isAfter(previous.end())) {
				merged.set(merged.size() - 1, new TimeRange(previous.start(), latest(previous.end(), window.end())));
			}
			else {
				merged.add(window);
			}
		}
		return merged;
	}

	/** Overlapping overrides reduced to one ordered list in which the latest one wins. */
	private static List<Shift> resolveOverrides(List<Shift> overrides, Instant since, Instant until) {
		List<List<Shift>> sources = new ArrayList<>();
		for (int i = overrides.size() - 1; i >= 0; i--) {
			sources.add(List.of(overrides.get(i)));
		}
		return resolve(sources, since, until);
	}

	/**
	 * Sweeps the range once: between two consecutive boundaries of any shift, the first
	 * source (in priority order) with someone on call wins. Each source must be ordered
	 * and free of overlaps.
	 */
	private static List<Shift> resolve(List<List<Shift>> sources, Instant since, Instant until) {
		TreeSet<Instant> boundaries = new TreeSet<>();
		boundaries.add(since);
		boundaries.add(until);
		for (List<Shift> source : sources) {
			for (Shift shift : source) {
				if (shift.start().isBefore(until) && shift.end().isAfter(since)) {
					boundaries.add(latest(shift.start(), since));
					boundaries.add(earliest(shift.end(), until));
				}
			}
		}
		int[] positions = new int[sources.size()];
		List<Shift> entries = new ArrayList<>();
		Instant previous = null;
		for (Instant boundary : boundaries) {
			if (previous != null) {
				String user = winner(sources, positions, previous);
				if (user != null) {
					append(entries, new Shift(user, previous, boundary));
				}
			}
			previous = boundary;
		}
		return entries;
	}

	private static String winner(List<List<Shift>> sources, int[] positions, Instant at) {
		for (int i = 0; i < sources.size(); i++) {
			List<Shift> source = sources.get(i);
			while (positions[i] < source.size() && !source.get(positions[i]).end().isAfter(at)) {
				positions[i]++;
			}
			if (positions[i] < source.size() && !source.get(positions[i]).start().isAfter(at)) {
				return source.get(positions[i]).user();
			}
		}
		return null;
	}

	/** Adds a shift, merging it into the last one when the same user continues. */
	private static void append(List<Shift> shifts, Shift shift) {
		Shift last = shifts.isEmpty() ? null : shifts.get(shifts.size() - 1);
		if (last != null && last.user().equals(shift.user()) && last.end().equals(shift.start())) {
			shifts.set(shifts.size() - 1, new Shift(last.user(), last.start(), shift.end()));
		}
		else {
			shifts.add(shift);
		}
	}

	private static double seconds(Duration duration) {
		return duration.getSeconds() + duration.getNano() / 1e9;
	}

	/**
	 * The instant of a local date-time in a zone: inside a spring-forward gap the first
	 * instant after the gap; inside an autumn overlap the {@code preferred} offset when
	 * it is one of the two, else the earlier one.
	 */
	private static Instant local(LocalDateTime local, ZoneId zone, ZoneOffset preferred) {
		ZoneRules rules = zone.getRules();
		if (rules.getValidOffsets(local).isEmpty()) {
			return rules.getTransition(local).getInstant();
		}
		return ZonedDateTime.ofLocal(local, zone, preferred).toInstant();
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** The turns of one layer: when each starts and whose it is. */
	private static final class Rotation {

		private final Layer layer;

		private final ZoneId zone;

		private final LocalDateTime localVirtualStart;

		private final ZoneOffset virtualStartOffset;

		Rotation(Layer layer, ZoneId zone) {
			this.layer = layer;
			this.zone = zone;
			this.localVirtualStart = LocalDateTime.ofInstant(layer.rotationVirtualStart(), zone);
			this.virtualStartOffset = zone.getRules().getOffset(layer.rotationVirtualStart());
		}

		/** The start of turn {@code k}; turn 0 starts at the rotation's virtual start. */
		Instant start(long turn) {
			TurnLength length = this.layer.turnLength();
			if (length.isExact()) {
				return this.layer.rotationVirtualStart().plus(length.exact().multipliedBy(turn));
			}
			return local(this.localVirtualStart.plusDays(turn * length.days()), this.zone, this.virtualStartOffset);
		}

		/** The turn that is running at an instant. */
		long turnAt(Instant at) {
			TurnLength length = this.layer.turnLength();
			long turn;
			if (length.isExact()) {
				turn = Math.floorDiv(Duration.between(this.layer.rotationVirtualStart(), at).getSeconds(),
						length.exact().getSeconds());
			}
			else {
				long days = ChronoUnit.DAYS.between(this.localVirtualStart, LocalDateTime.ofInstant(at, this.zone));
				turn = Math.floorDiv(days, length.days());
			}
			while (start(turn).isAfter(at)) {
				turn--;
			}
			while (!start(turn + 1).isAfter(at)) {
				turn++;
			}
			return turn;
		}

		String user(long turn) {
			List<String> users = this.layer.users();
			return users.get((int) Math.floorMod(turn, users.size()));
		}

	}

}
