/**
 * The web UI's shell: layout, navigation, home page and shared assets that every module's
 * pages use.
 */
@ApplicationModule(allowedDependencies = "common")
package dev.steward.web;

import org.springframework.modulith.ApplicationModule;
