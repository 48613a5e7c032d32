package dev.steward.apis;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version number as Semantic Versioning 2.0.0 defines it ({@code 1.2.0},
 * {@code 2.0.0-rc.1}, {@code 1.0.0+build.5}), ordered by precedence: build metadata is
 * kept but does not count, and a pre-release comes before its release.
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease,
		String build) implements Comparable<SemanticVersion> {

	private static final String NUMBER = "(0|[1-9]\\d{0,8})";

	private static final String IDENTIFIER = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";

	private static final Pattern SEMVER = Pattern.compile("^" + NUMBER + "\\." + NUMBER + "\\." + NUMBER + "(?:-("
			+ IDENTIFIER + "(?:\\." + IDENTIFIER + ")*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

	private static final Comparator<SemanticVersion> PRECEDENCE = Comparator.comparingInt(SemanticVersion::major)
		.thenComparingInt(SemanticVersion::minor)
		.thenComparingInt(SemanticVersion::patch)
		.thenComparing(SemanticVersion::preRelease, SemanticVersion::comparePreRelease);

	/** The version {@code text} spells, or empty when it is not a semantic version. */
	public static Optional<SemanticVersion> parse(String text) {
		if (text == null || text.length() > 100) {
			return Optional.empty();
		}
		Matcher matcher = SEMVER.matcher(text);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new SemanticVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
				Integer.parseInt(matcher.group(3)), matcher.group(4), matcher.group(5)));
	}

	public boolean preReleased() {
		return this.preRelease != null;
	}

	@Override
	public int compareTo(SemanticVersion other) {
		return PRECEDENCE.compare(this, other);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor + "." + this.patch + (this.preRelease == null ? "" : "-" + this.preRelease)
				+ (this.build == null ? "" : "+" + this.build);
	}

	/** No pre-release ranks above any; otherwise identifier by identifier. */
	private static int comparePreRelease(String left, String right) {
		if (left == null || right == null) {
			return left == null ? (right == null ? 0 : 1) : -1;
		}
		String[] a = left.split("\\.");
		String[] b = right.split("\\.");
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			int order = compareIdentifier(a[i], b[i]);
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(a.length, b.length);
	}

	/**
	 * Numeric identifiers by value and below alphanumeric ones, which compare as text.
	 */
	private static int compareIdentifier(String a, String b) {
		boolean numericA = a.chars().allMatch(Character::isDigit);
		boolean numericB = b.chars().allMatch(Character::isDigit);
		if (numericA && numericB) {
			return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
		}
		if (numericA != numericB) {
			return numericA ? -1 : 1;
		}
		return a.compareTo(b);
	}

}
