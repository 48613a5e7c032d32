package dev.steward.slas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The PromQL an SLO's {@code goodQuery} and {@code totalQuery} become over a window. A
 * query either holds the placeholder {@code $window} (such as
 * {@code sum(increase(http_requests_total{code!~"5.."}[$window]))}), which is replaced by
 * the window, or is a plain counter selector (such as
 * {@code http_requests_total{job="api"}}), which becomes
 * {@code sum(increase(<selector>[<window>]))}. Either way it must count events in the
 * window, since pulled minutes take its value as the number of events.
 */
final class PromQl {

	/** The placeholder a query names its window with. */
	static final String WINDOW = "$window";

	private static final Pattern SELECTOR = Pattern
		.compile("\\s*(?:[a-zA-Z_:][a-zA-Z0-9_:]*\\s*(?:\\{[^{}]*\\})?|\\{[^{}]*\\})\\s*");

	private PromQl() {
	}

	/** Whether Steward can apply a window to the query. */
	static boolean windowable(String query) {
		return query.contains(WINDOW) || SELECTOR.matcher(query).matches();
	}

	/** The query counting events over {@code window}. */
	static String over(String query, Duration window) {
		String range = duration(window);
		return query.contains(WINDOW) ? query.replace(WINDOW, range)
				: "sum(increase(" + query.strip() + "[" + range + "]))";
	}

	/** A window as a Prometheus duration: {@code 30d}, {@code 6h}, {@code 5m}. */
	static String duration(Duration window) {
		long minutes = window.toMinutes();
		if (minutes % 1440 == 0) {
			return minutes / 1440 + "d";
		}
		return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
	}

	/** A number as PromQL takes it, to ten significant digits (no binary noise). */
	static String number(double value) {
		return new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros().toPlainString();
	}

}
