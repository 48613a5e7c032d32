package dev.steward.catalog;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A person in the catalog: slug name, display name, email and IANA time zone. */
public record UserEntry(String name, String displayName, String email, String timeZone, Instant createdAt,
		@JsonIgnore long version) {
}
