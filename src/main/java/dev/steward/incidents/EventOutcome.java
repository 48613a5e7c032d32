package dev.steward.incidents;

/**
 * What an accepted event did: the dedup key it was filed under and the incident it opened
 * or acted on ({@code null} when an acknowledge or resolve found none open).
 */
public record EventOutcome(String dedupKey, Long incident, boolean opened) {
}
