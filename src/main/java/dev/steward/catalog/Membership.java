package dev.steward.catalog;

/** A user's membership of one team, with the role they have there. */
public record Membership(String team, Role role) {
}
