/**
 * Deployments: each service's instances per environment, deployments checked against the
 * gate and the promotion order, their progress node by node, verification and rollback,
 * and webhooks that tell the executing pipeline about every transition.
 */
@ApplicationModule(
		allowedDependencies = { "common", "audit", "access", "catalog", "environments", "windows", "incidents" })
package dev.steward.deployments;

import org.springframework.modulith.ApplicationModule;
