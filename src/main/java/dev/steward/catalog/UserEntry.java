package dev.steward.catalog;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A person in the catalog: slug name, display name, email, IANA time zone, and whether
 * they administer the organization.
 */
public record UserEntry(String name, String displayName, String email, String timeZone, boolean admin,
		Instant createdAt, @JsonIgnore long version) {
}
