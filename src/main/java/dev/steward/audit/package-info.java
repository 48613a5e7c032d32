/**
 * The append-only audit log: who changed what, when, with the state before and after.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.steward.audit;

import org.springframework.modulith.ApplicationModule;
