package dev.steward.incidents;

/**
 * A web link that an event gave its incident: a dashboard, a run book, the alert's
 * source.
 */
public record IncidentLink(String href, String text) {
}
