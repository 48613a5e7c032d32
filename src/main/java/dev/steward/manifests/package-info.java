/**
 * Catalog as code: declarative documents ({@code apiVersion: steward.dev/v1},
 * {@code kind}, {@code metadata.name}, {@code spec}) applied to the catalog as one
 * planned, atomic and idempotent change; on-call schedules and escalation policies,
 * environments, deployment windows, SLOs, APIs and datastores are declared the same way.
 */
@ApplicationModule(allowedDependencies = { "common", "catalog", "access", "oncall", "notifications", "environments",
		"windows", "slas", "apis", "data" })
package dev.steward.manifests;

import org.springframework.modulith.ApplicationModule;
