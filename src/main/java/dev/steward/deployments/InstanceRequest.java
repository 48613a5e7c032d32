package dev.steward.deployments;

import java.util.List;

/** Body of describing a service's instance in an environment. */
public record InstanceRequest(String url, String region, List<String> nodes) {
}
