package dev.steward.common;

/** Entity tags derived from a resource's version, and the {@code If-Match} check. */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Throws {@link PreconditionFailed} when the client sent an {@code If-Match} header
	 * that names none of the current version; no header means no precondition.
	 */
	public static void check(String ifMatch, long currentVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return;
		}
		String current = of(currentVersion);
		for (String tag : ifMatch.split(",")) {
			String candidate = tag.trim();
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if (candidate.equals("*") || candidate.equals(current)) {
				return;
			}
		}
		throw PreconditionFailed.staleVersion(ifMatch, current);
	}

}
