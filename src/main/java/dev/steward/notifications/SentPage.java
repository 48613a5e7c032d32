package dev.steward.notifications;

import java.time.Instant;

/** One message about an incident that reached a user's contact method, and when. */
public record SentPage(long incidentNumber, String user, Instant sentAt) {
}
