package dev.steward.common;

import java.time.Instant;
import java.util.List;

/**
 * A breach of STOSA found in what Steward knows, shown on both services it involves:
 * {@code service} does something only {@code counterpart}'s owner should (such as reading
 * its datastore directly), about {@code subject}; {@code suggestedApis} names the APIs
 * that are the way in instead.
 */
public record Violation(String type, String service, String counterpart, String subject, String detail,
		List<String> suggestedApis, Instant since) {

	/** Whether the violation involves the service, on either side. */
	public boolean involves(String name) {
		return name.equals(this.service) || name.equals(this.counterpart);
	}

}
