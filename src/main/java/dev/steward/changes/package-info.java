/**
 * Production infrastructure changes: change requests of a service, checked against the
 * gate for their planned interval, approved by the leads of the teams involved, and
 * carried out, completed, failed or cancelled on record.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "access", "catalog", "environments", "windows" })
package dev.steward.changes;

import org.springframework.modulith.ApplicationModule;
