/**
 * Notifications: each user's contact methods (email, webhook, Slack) and notification
 * rules, and the durable delivery of incident notifications over them, once per step,
 * retried with back-off, from any node.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "catalog" })
package dev.steward.notifications;

import org.springframework.modulith.ApplicationModule;
