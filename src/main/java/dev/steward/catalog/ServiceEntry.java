package dev.steward.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A service with its one owning team, tier, lifecycle and descriptive data. */
public record ServiceEntry(String name, String title, String description, String owner, int tier, Lifecycle lifecycle,
		String product, List<String> responsibilities, Map<String, String> links, List<String> tags, Instant createdAt,
		Instant updatedAt, @JsonIgnore long version) {

	@JsonProperty
	public String tierDescription() {
		return Tier.describe(this.tier);
	}

}
