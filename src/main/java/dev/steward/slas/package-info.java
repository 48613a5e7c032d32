/**
 * SLAs and SLOs: each service's objectives with their error budgets and burn rates from
 * pushed SLI counts, multiwindow burn-rate alerts that open incidents, and the event that
 * asks deployments under verification to roll back.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog", "incidents" })
package dev.steward.slas;

import org.springframework.modulith.ApplicationModule;
