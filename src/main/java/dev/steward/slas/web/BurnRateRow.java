package dev.steward.slas.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.steward.slas.BurnRateRules;
import dev.steward.slas.BurnRateRules.Rule;

/**
 * One burn-rate window on an SLO's page: its burn rate and, for each alert rule that
 * looks at the window, the rule's threshold and whether the rate is above it.
 */
record BurnRateRow(String key, String label, String rate, List<Check> checks) {

	static BurnRateRow of(Duration window, Map<Duration, Double> rates, Duration sloWindow, List<Rule> firing) {
		double rate = rates.getOrDefault(window, 0.0);
		List<Check> checks = BurnRateRules.RULES.stream()
			.filter(rule -> rule.longWindow().equals(window) || rule.shortWindow().equals(window))
			.map(rule -> new Check(RuleRow.name(rule), SloText.number(rule.threshold(sloWindow), 3),
					rate > rule.threshold(sloWindow), firing.contains(rule)))
			.toList();
		return new BurnRateRow(BurnRateRules.key(window), SloText.duration(window, true), SloText.number(rate, 3),
				checks);
	}

	/**
	 * A rule's threshold for this window: {@code above} when the rate exceeds it,
	 * {@code firing} when the rule fires (above over both its windows).
	 */
	record Check(String rule, String threshold, boolean above, boolean firing) {
	}

}
