/**
 * The {@code steward} command line: {@code server} starts the platform; later commands
 * talk to a running server.
 */
@ApplicationModule(allowedDependencies = { "common", "access", "demo", "catalog", "oncall", "environments", "windows",
		"slas", "apis", "data" })
package dev.steward.cli;

import org.springframework.modulith.ApplicationModule;
