/**
 * Reporting: each service's operational health over a period (incidents, DORA figures,
 * SLOs and agreements, changes, monitoring reviews, on-call load) rolled up by team, by
 * consumer and for the organization, and the STOSA scorecard that shows, aspect by
 * aspect, whether a service's ownership is actually covered.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog", "oncall", "notifications",
		"incidents", "environments", "windows", "deployments", "changes", "slas", "monitoring", "apis", "data" })
package dev.steward.reporting;

import org.springframework.modulith.ApplicationModule;
