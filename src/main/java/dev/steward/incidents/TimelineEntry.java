package dev.steward.incidents;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to an incident: {@code triggered}, {@code alert},
 * {@code notified}, {@code notification-failed}, {@code escalated}, {@code acknowledged},
 * {@code resolved}, {@code note}, {@code reassigned}, {@code sla-breached}, ….
 */
public record TimelineEntry(long id, Instant at, String type, String actor, String message, Map<String, Object> data) {
}
