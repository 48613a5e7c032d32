package dev.steward.catalog;

/** Body of declaring a dependency on a provider. */
public record DependencyRequest(String criticality, String note) {
}
