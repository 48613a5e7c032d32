package dev.steward.data;

/**
 * How a service reaches a datastore directly ({@code read} or {@code write}), and why.
 */
public record AccessRequest(String mode, String note) {
}
