package dev.steward.apis;

import java.time.Instant;

/** A service that uses a major version of an API. */
public record Consumer(String api, String service, int major, Instant createdAt, Instant updatedAt) {
}
