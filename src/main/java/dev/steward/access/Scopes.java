package dev.steward.access;

import java.util.regex.Pattern;

/**
 * Token scopes: {@code read} never writes, {@code write} changes what the user may
 * change, {@code admin} adds an administrator's powers, and {@code events:<service>} and
 * {@code deploy:<service>} allow only event ingestion or deployments of one service.
 */
public final class Scopes {

	public static final String READ = "read";

	public static final String WRITE = "write";

	public static final String ADMIN = "admin";

	private static final Pattern NARROW_SCOPE = Pattern
		.compile("^(events|deploy):([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)$");

	private Scopes() {
	}

	public static boolean isBroad(String scope) {
		return READ.equals(scope) || WRITE.equals(scope) || ADMIN.equals(scope);
	}

	/**
	 * The service a narrow scope names, or {@code null} when the scope is not a narrow
	 * one.
	 */
	public static String serviceOf(String scope) {
		var matcher = NARROW_SCOPE.matcher(scope);
		return matcher.matches() ? matcher.group(2) : null;
	}

}
