/**
 * Incidents and paging: integration keys, the event doors (Steward's own, PagerDuty
 * Events v2, Alertmanager), deduplication into incidents, their life cycle, timeline and
 * response SLAs, and escalation through the service's policy.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog", "oncall", "notifications" })
package dev.steward.incidents;

import org.springframework.modulith.ApplicationModule;
