package dev.steward.deployments;

import java.time.Instant;
import java.util.List;

/**
 * A service in one environment: where it answers, where it runs, its nodes and the
 * version running.
 */
public record ServiceInstance(String service, String environment, String url, String region, List<String> nodes,
		String currentVersion, Instant updatedAt) {
}
