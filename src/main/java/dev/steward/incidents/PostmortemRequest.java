package dev.steward.incidents;

import java.util.List;

/**
 * Body of writing a postmortem: status, document link and the whole list of action items.
 */
public record PostmortemRequest(String status, String documentUrl, List<ActionItemRequest> actionItems) {

	/** An action item as written; {@code dueDate} is {@code YYYY-MM-DD}. */
	public record ActionItemRequest(String title, String owner, String dueDate, Boolean done) {
	}

}
