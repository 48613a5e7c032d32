package dev.steward.windows;

import java.time.Instant;
import java.util.List;

/** One stretch of time in which a window is active, for calendars and feeds. */
public record WindowOccurrence(String window, String title, WindowKind kind, String scope, List<String> environments,
		String reason, Instant start, Instant end) {
}
