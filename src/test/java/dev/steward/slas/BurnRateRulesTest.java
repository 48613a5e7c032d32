package dev.steward.slas;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BurnRateRulesTest {

	private static final Duration THIRTY_DAYS = Duration.ofDays(30);

	private static final Duration TWENTY_EIGHT_DAYS = Duration.ofDays(28);

	@Test
	void thresholdsForThirtyDaysAreTheWorkbooksFigures() {
		assertThat(BurnRateRules.RULES).extracting(rule -> rule.threshold(THIRTY_DAYS))
			.containsExactly(14.4, 6.0, 3.0, 1.0);
	}

	@Test
	void thresholdsScaleWithTheWindow() {
		// 2 % of a 28-day budget in one hour: 0.02 × 672 h / 1 h
		assertThat(BurnRateRules.RULES.get(0).threshold(TWENTY_EIGHT_DAYS)).isCloseTo(13.44, within(1e-9));
		assertThat(BurnRateRules.RULES.get(1).threshold(TWENTY_EIGHT_DAYS)).isCloseTo(5.6, within(1e-9));
		assertThat(BurnRateRules.RULES.get(2).threshold(TWENTY_EIGHT_DAYS)).isCloseTo(2.8, within(1e-9));
		assertThat(BurnRateRules.RULES.get(3).threshold(TWENTY_EIGHT_DAYS)).isCloseTo(0.9333333, within(1e-6));
	}

	@Test
	void aPageNeedsBothWindowsAboveTheThreshold() {
		assertThat(alert("PT1H", 14.5, "PT5M", 14.5)).isEqualTo(SloAlert.PAGE);
		assertThat(alert("PT1H", 14.4, "PT5M", 20)).as("exactly at the threshold is not above it")
			.isEqualTo(SloAlert.NONE);
		assertThat(alert("PT1H", 20, "PT5M", 14.3)).as("only the long window above").isEqualTo(SloAlert.NONE);
		assertThat(alert("PT1H", 14.3, "PT5M", 20)).as("only the short window above").isEqualTo(SloAlert.NONE);
		assertThat(alert("PT6H", 6.01, "PT30M", 6.01)).isEqualTo(SloAlert.PAGE);
		assertThat(alert("PT6H", 6.0, "PT30M", 7)).isEqualTo(SloAlert.NONE);
		assertThat(alert("PT6H", 7, "PT30M", 5.99)).isEqualTo(SloAlert.NONE);
	}

	@Test
	void aTicketNeedsBothOfItsWindowsAboveTheThreshold() {
		assertThat(alert("P1D", 3.01, "PT2H", 3.01)).isEqualTo(SloAlert.TICKET);
		assertThat(alert("P1D", 2.99, "PT2H", 5)).isEqualTo(SloAlert.NONE);
		assertThat(alert("P1D", 5, "PT2H", 2.99)).isEqualTo(SloAlert.NONE);
		assertThat(alert("P3D", 1.01, "PT6H", 1.01)).isEqualTo(SloAlert.TICKET);
		assertThat(alert("P3D", 1.0, "PT6H", 2)).isEqualTo(SloAlert.NONE);
		assertThat(alert("P3D", 2, "PT6H", 0.99)).isEqualTo(SloAlert.NONE);
	}

	@Test
	void aPageWinsOverATicket() {
		Map<Duration, Double> rates = rates("PT1H", 20, "PT5M", 20);
		rates.putAll(rates("P1D", 5, "PT2H", 5));
		assertThat(BurnRateRules.alert(rates, THIRTY_DAYS)).isEqualTo(SloAlert.PAGE);
		assertThat(BurnRateRules.firing(rates, THIRTY_DAYS)).hasSize(2);
	}

	@Test
	void aTwentyEightDayWindowPagesEarlier() {
		Map<Duration, Double> rates = rates("PT1H", 14.0, "PT5M", 14.0);
		assertThat(BurnRateRules.alert(rates, THIRTY_DAYS)).isEqualTo(SloAlert.NONE);
		assertThat(BurnRateRules.alert(rates, TWENTY_EIGHT_DAYS)).isEqualTo(SloAlert.PAGE);
	}

	private static SloAlert alert(String longWindow, double longRate, String shortWindow, double shortRate) {
		return BurnRateRules.alert(rates(longWindow, longRate, shortWindow, shortRate), THIRTY_DAYS);
	}

	private static Map<Duration, Double> rates(String longWindow, double longRate, String shortWindow,
			double shortRate) {
		Map<Duration, Double> rates = new HashMap<>();
		rates.put(Duration.parse(longWindow), longRate);
		rates.put(Duration.parse(shortWindow), shortRate);
		return rates;
	}

}
