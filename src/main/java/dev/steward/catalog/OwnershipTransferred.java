package dev.steward.catalog;

import java.time.Instant;

/** Published when an accepted transfer moves a service to a new owning team. */
public record OwnershipTransferred(String service, String fromTeam, String toTeam, String transferId, Instant at) {
}
