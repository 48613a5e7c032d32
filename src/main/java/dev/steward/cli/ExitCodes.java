package dev.steward.cli;

/** The documented exit codes of every {@code steward} command. */
final class ExitCodes {

	static final int OK = 0;

	static final int ERROR = 1;

	static final int USAGE = 2;

	/**
	 * The server refused by policy: not allowed, or a conflict such as an unapproved
	 * owner change; also the gate is closed ({@code gate check}) or blocked a deployment
	 * ({@code deploy start}), so that a pipeline stops.
	 */
	static final int REFUSED = 3;

	private ExitCodes() {
	}

}
