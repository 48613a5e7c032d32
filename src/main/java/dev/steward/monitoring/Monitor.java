package dev.steward.monitoring;

import java.time.Instant;

/**
 * A monitor of a service: what it watches, where to look at it ({@code link}, such as a
 * dashboard or an alert rule) and the name of the SLO it covers, if any.
 */
public record Monitor(String service, String name, String title, Watch watches, String description, String link,
		String slo, Instant createdAt, Instant updatedAt) {
}
