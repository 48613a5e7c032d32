/**
 * The catalog of who owns what: users, teams, products, services, their dependencies, the
 * responsibility matrix with delegations, and ownership transfers.
 */
@ApplicationModule(allowedDependencies = { "common", "audit" })
package dev.steward.catalog;

import org.springframework.modulith.ApplicationModule;
