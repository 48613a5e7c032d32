package dev.steward.environments;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An environment of the organization; {@code order} places it in the promotion order and
 * {@code promotionRequired} makes a version succeed in the environment before it first.
 */
public record EnvironmentEntry(String name, String title, EnvironmentKind kind, int order, boolean promotionRequired,
		String description, Instant createdAt, @JsonIgnore long version) {

	public boolean production() {
		return this.kind == EnvironmentKind.PRODUCTION;
	}

}
