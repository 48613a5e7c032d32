package dev.steward.access;

import java.time.Instant;
import java.util.Set;

/** A token just created: the only answer that ever carries its secret. */
public record CreatedToken(String id, String name, String token, Set<String> scopes, Instant createdAt,
		Instant expiresAt) {
}
