package dev.steward.incidents;

/** Body of reassigning an incident: to one {@code user}, or to another {@code policy}. */
public record ReassignRequest(String user, String policy) {
}
