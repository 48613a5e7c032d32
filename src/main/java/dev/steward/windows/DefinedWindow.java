package dev.steward.windows;

import java.util.Set;

/**
 * A window ready for the gate: its scope, kind and environments, and when it is active.
 */
record DefinedWindow(String name, WindowScope scope, WindowKind kind, Set<String> environments, WindowTiming timing,
		String reason) {

	boolean appliesTo(String environment) {
		return this.environments.contains(environment);
	}

}
