package dev.steward.incidents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.steward.common.TooManyRequests;
import org.springframework.stereotype.Component;

/**
 * Limits how many events one integration key may send per minute (in a fixed window per
 * key, counted in this node's memory); over the limit the sender is told when to retry.
 */
@Component
public class EventRateLimiter {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final IncidentSettings settings;

	private final Clock clock;

	EventRateLimiter(IncidentSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts one event of a key, or throws {@link TooManyRequests} when over the limit.
	 */
	public void acquire(String key) {
		Instant now = this.clock.instant();
		Window window = this.windows.compute(key, (id, current) -> current == null || !now.isBefore(current.end())
				? new Window(now.plus(WINDOW), 1) : new Window(current.end(), current.count() + 1));
		if (window.count() > this.settings.eventsPerMinutePerKey()) {
			throw TooManyRequests.retryAfter(Duration.between(now, window.end()), "This integration key sent more than "
					+ this.settings.eventsPerMinutePerKey() + " events in a minute; retry later");
		}
	}

	private record Window(Instant end, int count) {
	}

}
