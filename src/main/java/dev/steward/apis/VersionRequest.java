package dev.steward.apis;

/**
 * A new version of an API: its semantic version, its contract document (JSON or YAML
 * text) and whether it is published at once ({@code published}, the default) or kept as a
 * {@code draft}.
 */
public record VersionRequest(String version, String spec, String status) {
}
