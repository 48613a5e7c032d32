package dev.steward.catalog;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A named group of services; product-wide blackouts and reports hang off it. */
public record ProductEntry(String name, String title, String description, Instant createdAt, @JsonIgnore long version) {
}
