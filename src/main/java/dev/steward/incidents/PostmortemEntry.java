package dev.steward.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The postmortem a high-urgency incident of a tier-1 or tier-2 service needs: its status,
 * the document, the action items with their owners, and when it is due.
 */
public record PostmortemEntry(long incident, String service, PostmortemStatus status, String documentUrl,
		List<ActionItem> actionItems, Instant dueAt, Instant createdAt, Instant updatedAt, @JsonIgnore Instant now,
		@JsonIgnore long version) {

	/** Not published although due, or with an open action item past its due date. */
	@JsonProperty
	public boolean overdue() {
		boolean late = this.status != PostmortemStatus.PUBLISHED && this.now.isAfter(this.dueAt);
		return late || this.actionItems.stream().anyMatch(item -> item.overdueOn(this.now));
	}

	/** Something to do so that the incident does not happen again, and who does it. */
	public record ActionItem(String title, String owner, LocalDate dueDate, boolean done) {

		boolean overdueOn(Instant now) {
			return !this.done && this.dueDate != null
					&& now.isAfter(this.dueDate.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
		}

	}

}
