package dev.steward.catalog;

/** An aspect of another team's service that a team handles by delegation. */
public record DelegatedAspect(String service, Aspect aspect, DelegationStatus status) {
}
