/**
 * Identity and access: passwords and sign-in, API tokens, and the authorization rules
 * that every endpoint goes through, decided by ownership.
 */
@ApplicationModule(allowedDependencies = { "common", "audit", "catalog" })
package dev.steward.access;

import org.springframework.modulith.ApplicationModule;
