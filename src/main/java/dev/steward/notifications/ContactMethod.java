package dev.steward.notifications;

/**
 * Where a user can be reached: {@code type} is {@code email}, {@code webhook} or
 * {@code slack}; webhook and Slack addresses are secrets and are answered without their
 * path.
 */
public record ContactMethod(String name, String type, String address) {
}
