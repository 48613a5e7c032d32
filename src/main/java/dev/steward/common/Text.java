package dev.steward.common;

/** Small text helpers for request parameters. */
public final class Text {

	private Text() {
	}

	/**
	 * The trimmed value, or {@code null} when it is absent or blank (as an empty form
	 * field is).
	 */
	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * The text cut to at most {@code max} characters; {@code null} stays {@code null}.
	 */
	public static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
