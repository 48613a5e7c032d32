package dev.steward.slas;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The multiwindow, multi-burn-rate alerts of the Google SRE workbook. Each rule fires
 * when the burn rate exceeds its threshold over both its long and its short window; a
 * threshold is the share of the error budget the long window may spend, scaled to the SLO
 * window: for 30 days, 2 % in 1 h is 14.4 and 5 % in 6 h is 6 (pages), 10 % in 1 d is 3
 * and 10 % in 3 d is 1 (tickets).
 */
public final class BurnRateRules {

	/** The windows burn rates are shown for, shortest first. */
	public static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

	/** The rules, pages first. */
	public static final List<Rule> RULES = List.of(
			new Rule(SloAlert.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0.02),
			new Rule(SloAlert.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 0.05),
			new Rule(SloAlert.TICKET, Duration.ofDays(1), Duration.ofHours(2), 0.10),
			new Rule(SloAlert.TICKET, Duration.ofDays(3), Duration.ofHours(6), 0.10));

	private BurnRateRules() {
	}

	/**
	 * How a window is named in answers: {@code PT5M} … {@code PT6H}, then {@code P1D},
	 * {@code P3D}.
	 */
	public static String key(Duration window) {
		return window.toSeconds() % 86_400 == 0 ? "P" + window.toDays() + "D" : window.toString();
	}

	/** The alert that burn rates (by window) raise for an SLO with this window. */
	public static SloAlert alert(Map<Duration, Double> burnRates, Duration sloWindow) {
		return firing(burnRates, sloWindow).stream().map(Rule::severity).findFirst().orElse(SloAlert.NONE);
	}

	/** The rules that fire, pages first. */
	public static List<Rule> firing(Map<Duration, Double> burnRates, Duration sloWindow) {
		return RULES.stream()
			.filter(rule -> burnRates.getOrDefault(rule.longWindow(), 0.0) > rule.threshold(sloWindow)
					&& burnRates.getOrDefault(rule.shortWindow(), 0.0) > rule.threshold(sloWindow))
			.toList();
	}

	/**
	 * One rule: {@code budgetShare} of the budget spent within {@code longWindow}, seen
	 * over both windows, raises {@code severity}.
	 */
	public record Rule(SloAlert severity, Duration longWindow, Duration shortWindow, double budgetShare) {

		/** The burn rate above which the rule fires for an SLO over {@code sloWindow}. */
		public double threshold(Duration sloWindow) {
			return this.budgetShare * sloWindow.toMinutes() / this.longWindow.toMinutes();
		}

	}

}
