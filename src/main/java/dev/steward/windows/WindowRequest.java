package dev.steward.windows;

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

}
