package dev.steward.windows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The gate's rules over the windows that apply to one service and environment: an active
 * blackout closes it; otherwise allow windows, where there are any, must have one active;
 * otherwise it is open. Also finds the next instant the answer changes by sweeping the
 * windows' boundaries in time order.
 */
final class GateRules {

	/** How far ahead the next change is searched for. */
	static final Duration HORIZON = Duration.ofDays(366);

	private GateRules() {
	}

	static Outcome evaluate(List<DefinedWindow> windows, Instant at) {
		Instant horizon = at.plus(HORIZON);
		List<Optional<Interval>> intervals = windows.stream()
			.map(window -> window.timing().coveringOrNext(at, horizon))
			.toList();
		List<GateReason> denies = new ArrayList<>();
		List<GateReason> activeAllows = new ArrayList<>();
		List<GateReason> inactiveAllows = new ArrayList<>();
		for (int i = 0; i < windows.size(); i++) {
			DefinedWindow window = windows.get(i);
			Optional<Interval> interval = intervals.get(i);
			boolean active = interval.filter(candidate -> candidate.contains(at)).isPresent();
			if (window.kind() == WindowKind.DENY && active) {
				denies.add(reason(window, GateReason.CLOSES, interval.get().end(), null));
			}
			else if (window.kind() == WindowKind.ALLOW) {
				if (active) {
					activeAllows.add(reason(window, GateReason.OPENS, interval.get().end(), null));
				}
				else {
					inactiveAllows
						.add(reason(window, GateReason.INACTIVE, null, interval.map(Interval::start).orElse(null)));
				}
			}
		}
		boolean open = denies.isEmpty() && (inactiveAllows.isEmpty() || !activeAllows.isEmpty());
		List<GateReason> reasons = !denies.isEmpty() ? denies : activeAllows.isEmpty() ? inactiveAllows : activeAllows;
		return new Outcome(open, reasons, nextChange(windows, intervals, at, horizon, open));
	}

	private static GateReason reason(DefinedWindow window, String effect, Instant activeUntil, Instant nextActive) {
		return new GateReason(window.name(), window.kind(), window.scope().toString(), effect, window.reason(),
				activeUntil, nextActive);
	}

	private static Instant nextChange(List<DefinedWindow> windows, List<Optional<Interval>> intervals, Instant at,
			Instant horizon, boolean openNow) {
		Sweep sweep = new Sweep(windows, at, horizon);
		for (int i = 0; i < windows.size(); i++) {
			sweep.start(i, intervals.get(i));
		}
		return sweep.firstInstantNotOpen(!openNow);
	}

	/** The answer at one instant. */
	record Outcome(boolean open, List<GateReason> reasons, Instant nextChange) {
	}

	/**
	 * Walks the windows' activity boundaries in time order, keeping counts of what is
	 * active.
	 */
	private static final class Sweep {

		private final List<DefinedWindow> windows;

		private final Instant at;

		private final Instant horizon;

		private final Interval[] current;

		private final boolean[] active;

		private final PriorityQueue<Boundary> boundaries = new PriorityQueue<>(Comparator.comparing(Boundary::instant));

		private int allows;

		private int activeAllows;

		private int activeDenies;

		Sweep(List<DefinedWindow> windows, Instant at, Instant horizon) {
			this.windows = windows;
			this.at = at;
			this.horizon = horizon;
			this.current = new Interval[windows.size()];
			this.active = new boolean[windows.size()];
		}

		void start(int index, Optional<Interval> interval) {
			if (this.windows.get(index).kind() == WindowKind.ALLOW) {
				this.allows++;
			}
			if (interval.isEmpty()) {
				return;
			}
			this.current[index] = interval.get();
			if (interval.get().contains(this.at)) {
				toggle(index, true);
				this.boundaries.add(new Boundary(interval.get().end(), index));
			}
			else {
				this.boundaries.add(new Boundary(interval.get().start(), index));
			}
		}

		/** The first boundary after which the gate's openness equals {@code wanted}. */
		Instant firstInstantNotOpen(boolean wanted) {
			while (!this.boundaries.isEmpty()) {
				Instant instant = this.boundaries.peek().instant();
				if (instant.isAfter(this.horizon)) {
					return null;
				}
				while (!this.boundaries.isEmpty() && this.boundaries.peek().instant().equals(instant)) {
					cross(this.boundaries.poll().index(), instant);
				}
				if (open() == wanted) {
					return instant;
				}
			}
			return null;
		}

		private void cross(int index, Instant instant) {
			if (this.active[index]) {
				toggle(index, false);
				this.windows.get(index)
					.timing()
					.coveringOrNext(instant, this.horizon)
					.filter(next -> next.start().isAfter(instant))
					.ifPresent(next -> {
						this.current[index] = next;
						this.boundaries.add(new Boundary(next.start(), index));
					});
			}
			else {
				toggle(index, true);
				this.boundaries.add(new Boundary(this.current[index].end(), index));
			}
		}

		private void toggle(int index, boolean nowActive) {
			this.active[index] = nowActive;
			int delta = nowActive ? 1 : -1;
			if (this.windows.get(index).kind() == WindowKind.DENY) {
				this.activeDenies += delta;
			}
			else {
				this.activeAllows += delta;
			}
		}

		private boolean open() {
			return this.activeDenies == 0 && (this.allows == 0 || this.activeAllows > 0);
		}

	}

	private record Boundary(Instant instant, int index) {
	}

}
