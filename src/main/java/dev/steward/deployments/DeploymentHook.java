package dev.steward.deployments;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook that hears about every transition of a service's deployments; the signing
 * {@code secret} is shown only in the answer that created the hook.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentHook(String service, String name, String url, String secret, Instant createdAt,
		String createdBy) {
}
