package dev.steward.access;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An API token as listed: never its secret, only a hint of its last characters, its
 * scopes, expiry, last use and revocation.
 */
public record TokenInfo(String id, @JsonIgnore String user, String name, String hint, Set<String> scopes,
		Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
}
