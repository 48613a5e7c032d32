package dev.steward.notifications;

/**
 * Notify through {@code contactMethod} this long ({@code after}, ISO-8601) after a step
 * starts, for notifications of {@code urgency} ({@code high}, {@code low}, or either when
 * absent).
 */
public record NotificationRule(String after, String contactMethod, String urgency) {
}
