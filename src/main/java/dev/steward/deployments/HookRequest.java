package dev.steward.deployments;

/**
 * Body of adding a deployment hook: where to post, and the secret that signs each post
 * (generated when absent).
 */
public record HookRequest(String name, String url, String secret) {
}
