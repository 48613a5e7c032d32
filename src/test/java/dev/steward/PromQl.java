package dev.steward;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana {@code label_values} query) reads,
 * so that alert rules and dashboards can be checked against what Steward exports.
 */
public final class PromQl {

	private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");

	private static final Pattern GROUPINGS = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\(\\s*([a-zA-Z_:][\\w:]*)");

	/**
	 * Identifiers that are not preceded by a digit, dot or {@code $} nor followed by "(".
	 */
	private static final Pattern NAMES = Pattern.compile("(?<![\\w.$:])[a-zA-Z_:][\\w:]*\\b(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "bool", "offset", "inf", "nan");

	private PromQl() {
	}

	/** The metric names {@code query} reads, in alphabetical order. */
	public static Set<String> metricNames(String query) {
		Set<String> names = new TreeSet<>();
		Matcher labelValues = LABEL_VALUES.matcher(query);
		if (labelValues.find()) {
			names.add(labelValues.group(1));
			return names;
		}
		String bare = GROUPINGS
			.matcher(RANGES.matcher(MATCHERS.matcher(STRINGS.matcher(query).replaceAll("")).replaceAll(""))
				.replaceAll(""))
			.replaceAll("");
		Matcher matcher = NAMES.matcher(bare);
		while (matcher.find()) {
			if (!KEYWORDS.contains(matcher.group().toLowerCase(Locale.ROOT))) {
				names.add(matcher.group());
			}
		}
		return names;
	}

}
