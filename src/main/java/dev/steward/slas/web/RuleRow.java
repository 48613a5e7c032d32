package dev.steward.slas.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.steward.slas.BurnRateRules.Rule;

/**
 * One burn-rate alert rule on an SLO's page: its windows, its threshold for the SLO's
 * window, the burn rates over both windows, and whether it fires.
 */
record RuleRow(String name, String severity, String longWindow, String shortWindow, String budgetShare,
		String threshold, String longRate, String shortRate, boolean firing) {

	static RuleRow of(Rule rule, Map<Duration, Double> rates, Duration sloWindow, List<Rule> firing) {
		return new RuleRow(name(rule), rule.severity().key(), SloText.duration(rule.longWindow(), true),
				SloText.duration(rule.shortWindow(), true), SloText.percent(rule.budgetShare() * 100, 1),
				SloText.number(rule.threshold(sloWindow), 3),
				SloText.number(rates.getOrDefault(rule.longWindow(), 0.0), 3),
				SloText.number(rates.getOrDefault(rule.shortWindow(), 0.0), 3), firing.contains(rule));
	}

	/** "page 1 h & 5 min". */
	static String name(Rule rule) {
		return rule.severity().key() + " " + SloText.duration(rule.longWindow(), true) + " & "
				+ SloText.duration(rule.shortWindow(), true);
	}

}
