package dev.steward.notifications;

import java.util.List;

/** A user's notification rules, replaced as a whole. */
public record NotificationRules(List<NotificationRule> rules) {
}
