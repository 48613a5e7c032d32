package dev.steward.oncall;

/** Body of naming a service's escalation policy. */
public record ServicePolicyRequest(String policy) {
}
