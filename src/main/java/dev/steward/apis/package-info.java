/**
 * APIs: the interfaces each service exposes, their semver versions from draft to retired
 * with each version's contract, the refusal of breaking changes within a major, and the
 * services that consume each major.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog", "notifications" })
package dev.steward.apis;

import org.springframework.modulith.ApplicationModule;
