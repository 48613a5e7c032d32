/**
 * Data: the datastores each service owns (one owner each) with their classification,
 * retention, backups, access patterns and versioned schemas, and the services that reach
 * into another service's datastore instead of through its API.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "catalog", "apis" })
package dev.steward.data;

import org.springframework.modulith.ApplicationModule;
