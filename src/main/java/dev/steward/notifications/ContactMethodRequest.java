package dev.steward.notifications;

/** Body of creating or replacing a contact method. */
public record ContactMethodRequest(String type, String address) {
}
