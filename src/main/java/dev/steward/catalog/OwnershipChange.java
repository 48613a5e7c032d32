package dev.steward.catalog;

import java.time.Instant;

/** One entry of a service's ownership history: registration or an accepted transfer. */
public record OwnershipChange(Instant at, String fromTeam, String toTeam, String actor, String transferId,
		String note) {
}
