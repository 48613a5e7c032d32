/**
 * Deployment windows: allow windows and blackouts by company, product or service, on a
 * cron schedule or once, and the gate that decides whether a service may deploy now.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog", "environments" })
package dev.steward.windows;

import org.springframework.modulith.ApplicationModule;
