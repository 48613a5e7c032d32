package dev.steward.notifications;

import java.util.Map;

/**
 * One notification step for one user: what to tell them about an incident. The caller
 * makes {@code stepKey} unique per incident, escalation level, round and user (such as
 * {@code inc-42/l1/r0/ana}); planning the same step again plans nothing new.
 * {@code urgency} is {@code high} or {@code low}; {@code links} are absolute URLs by name
 * ({@code acknowledge}, {@code incident}); {@code details} are shown as they are.
 */
public record Notification(String stepKey, long incidentNumber, String service, String title, String summary,
		String urgency, String status, String user, Map<String, String> links, Map<String, Object> details) {
}
