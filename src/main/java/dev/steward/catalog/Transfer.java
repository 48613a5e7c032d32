package dev.steward.catalog;

import java.time.Instant;

/** A proposal to move a service's ownership to another team, and its outcome. */
public record Transfer(String id, String service, String fromTeam, String toTeam, String note, TransferStatus status,
		String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt) {
}
