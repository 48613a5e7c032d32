package dev.steward.apis;

/** The sunset date ({@code YYYY-MM-DD}) of a version being deprecated. */
public record DeprecationRequest(String sunset) {
}
