package dev.steward.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One recorded change: who (actor, the token used if any, the client's address), what
 * (action, target resource and its service, JSON before and after), when, and the hash
 * that chains it to the entry before.
 */
public record AuditEntry(long id, Instant at, String actor, String tokenId, String clientAddress, String action,
		String target, String service, JsonNode before, JsonNode after, String previousHash, String hash) {
}
