package dev.steward.oncall;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An escalation policy of one team, the services that name it, and, computed when read,
 * where in the next 14 days one of its levels would reach nobody ({@code uncovered}).
 */
public record EscalationPolicyEntry(String name, String title, String description, String team, int repeat,
		List<EscalationPolicyRequest.Level> levels, List<String> services, List<UncoveredLevel> uncovered,
		Instant createdAt, @JsonIgnore long version) {

	/** Whether some level resolves to nobody at some time in the next 14 days. */
	@JsonProperty
	public boolean flagged() {
		return !this.uncovered.isEmpty();
	}

	/** A stretch of time in which level {@code level} (1-based) reaches nobody. */
	public record UncoveredLevel(int level, Instant start, Instant end) {
	}

}
