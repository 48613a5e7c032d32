package dev.steward.apis;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An API of a service: its name (unique across the organization), who it is for, how its
 * contract is written, and its newest published version, if any.
 */
public record ApiEntry(String name, String service, ApiVisibility visibility, ApiType type, String description,
		String documentation, String latestVersion, Instant createdAt, Instant updatedAt, @JsonIgnore long version) {
}
