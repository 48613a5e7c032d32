package dev.steward.catalog;

/** Published when a service enters the catalog with its first owner. */
public record ServiceRegistered(String service, String owner, int tier) {
}
