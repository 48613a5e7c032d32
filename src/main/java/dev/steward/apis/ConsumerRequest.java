package dev.steward.apis;

/** The major version of an API that a consuming service uses. */
public record ConsumerRequest(Integer major) {
}
