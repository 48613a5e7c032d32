package dev.steward.oncall;

import java.time.Instant;

/** One stretch a user is on call in one schedule. */
public record UserShift(String schedule, String team, String user, Instant start, Instant end) {
}
