/**
 * The demo organization that {@code steward server --demo} loads into an empty database,
 * through the same module APIs that clients use.
 */
@ApplicationModule(allowedDependencies = { "common", "catalog", "access", "oncall", "incidents", "environments",
		"windows", "deployments", "changes", "slas", "monitoring", "apis", "data", "reporting" })
package dev.steward.demo;

import org.springframework.modulith.ApplicationModule;
