package dev.steward.windows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * Body of creating or fully updating a window: either a cron {@code schedule} with a
 * {@code duration}, or a one-off {@code start} and {@code end}, read in {@code timeZone}.
 */
public record WindowRequest(String name, String title, String scope, List<String> environments, String kind,
		String schedule, String duration, String start, String end, String timeZone, String reason) {

	/** The request that would recreate this window, the base of a merge patch. */
	public static WindowRequest from(WindowEntry window) {
		return new WindowRequest(window.name(), window.title(), window.scope(), window.environments(),
				window.kind().key(), window.schedule(), window.duration(),
				window.start() == null ? null : window.start().toString(),
				window.end() == null ? null : window.end().toString(), window.timeZone(), window.reason());
	}

	/**
	 * This request as the window would be stored: its environments ({@code production}
	 * when absent) once each and sorted, the schedule trimmed, the duration as
	 * {@link Duration#toString()} writes it ({@code PT120M} is {@code PT2H}) and the
	 * times as UTC instants. Values that do not parse stay as written, for validation to
	 * refuse.
	 */
	public WindowRequest normalized() {
		List<String> environments = this.environments == null ? List.of("production")
				: this.environments.stream()
					.distinct()
					.sorted(Comparator.nullsFirst(Comparator.naturalOrder()))
					.toList();
		return new WindowRequest(this.name, this.title, this.scope, environments, this.kind,
				this.schedule == null ? null : this.schedule.trim(), normalizedDuration(this.duration),
				normalizedTime(this.start), normalizedTime(this.end), this.timeZone, this.reason);
	}

	private static String normalizedDuration(String text) {
		try {
			return text == null ? null : Duration.parse(text).toString();
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

	private static String normalizedTime(String text) {
		try {
			return text == null ? null : OffsetDateTime.parse(text).toInstant().toString();
		}
		catch (DateTimeParseException ex) {
			return text;
		}
	}

}
