/**
 * Monitoring: each service's monitors (what they watch, where to look, which SLO they
 * cover) and the reviews of its monitoring on a cadence set by tier, with reminders to
 * the owning team when a review is overdue.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog", "slas" })
package dev.steward.monitoring;

import org.springframework.modulith.ApplicationModule;
