package dev.steward.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts authentication failures per client address in fixed one-minute windows and tells
 * how long a client that exceeded its budget must wait. Kept in memory per node.
 */
class FailureLimiter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final int budget;

	private final Clock clock;

	FailureLimiter(int budget, Clock clock) {
		this.budget = budget;
		this.clock = clock;
	}

	void recordFailure(String client) {
		Instant now = this.clock.instant();
		this.windows.compute(client, (key, window) -> window == null || window.isOver(now) ? new Window(now, 1)
				: new Window(window.start(), window.failures() + 1));
		if (this.windows.size() > 10_000) {
			this.windows.values().removeIf(window -> window.isOver(now));
		}
	}

	/** How long the client must wait before trying again, if it used up its budget. */
	Optional<Duration> retryAfter(String client) {
		Instant now = this.clock.instant();
		Window window = this.windows.get(client);
		if (window == null || window.isOver(now) || window.failures() < this.budget) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, window.start().plus(WINDOW)));
	}

	private record Window(Instant start, int failures) {

		boolean isOver(Instant now) {
			return !now.isBefore(this.start.plus(WINDOW));
		}

	}

}
