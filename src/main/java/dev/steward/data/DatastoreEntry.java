package dev.steward.data;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A datastore and its one owning service. {@code ownerTeam} owns it through the service;
 * {@code operatedBy} runs it day to day: the team that accepted the service's
 * {@code databases} aspect, else the owning team.
 */
public record DatastoreEntry(String name, String owner, String ownerTeam, String operatedBy, String kind,
		Classification classification, boolean pii, Integer retentionDays, String backupPolicy,
		AccessPatterns accessPatterns, String description, Instant createdAt, Instant updatedAt,
		@JsonIgnore long version) {
}
