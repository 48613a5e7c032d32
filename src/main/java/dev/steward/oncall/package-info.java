/**
 * On-call: schedules of layered rotations with overrides, the final schedule and its
 * gaps, calendar feeds, escalation policies and who is on call for each service.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog" })
package dev.steward.oncall;

import org.springframework.modulith.ApplicationModule;
