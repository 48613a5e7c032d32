/**
 * Identity and access: API tokens, sign-in to the web UI, and the security rules every
 * endpoint goes through.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.steward.access;

import org.springframework.modulith.ApplicationModule;
