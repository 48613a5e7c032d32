package dev.steward.windows;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A deployment window as stored; a recurring one carries {@code schedule} and
 * {@code duration}, a one-off one {@code start} and {@code end}.
 */
public record WindowEntry(String name, String title, String scope, List<String> environments, WindowKind kind,
		String schedule, String duration, Instant start, Instant end, String timeZone, String reason, Instant createdAt,
		String createdBy, @JsonIgnore long version) {

	public boolean recurring() {
		return this.schedule != null;
	}

}
