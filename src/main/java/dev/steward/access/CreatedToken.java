package dev.steward.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A token just created: the only answer that ever carries its secret. Serializable, as
 * the web page passes it to the page it redirects to through the web session.
 */
public record CreatedToken(String id, String name, String token, Set<String> scopes, Instant createdAt,
		Instant expiresAt) implements Serializable {
}
