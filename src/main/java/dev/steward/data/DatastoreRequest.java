package dev.steward.data;

/** What a client sends to declare a datastore or change what it says. */
public record DatastoreRequest(String name, String owner, String kind, String classification, Boolean pii,
		Integer retentionDays, String backupPolicy, AccessPatterns accessPatterns, String description) {

	/** The request that would leave {@code datastore} as it is, for merge patches. */
	public static DatastoreRequest from(DatastoreEntry datastore) {
		return new DatastoreRequest(datastore.name(), datastore.owner(), datastore.kind(),
				datastore.classification().key(), datastore.pii(), datastore.retentionDays(), datastore.backupPolicy(),
				datastore.accessPatterns(), datastore.description());
	}

}
