/**
 * Environments: the organization's environments (development … production) in their
 * promotion order, each with its kind and whether promotion into it is enforced.
 */
@ApplicationModule(allowedDependencies = { "common", "audit" })
package dev.steward.environments;

import org.springframework.modulith.ApplicationModule;
