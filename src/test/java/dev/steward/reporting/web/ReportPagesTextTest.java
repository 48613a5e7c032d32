package dev.steward.reporting.web;

import org.junit.jupiter.api.Test;

import dev.steward.reporting.DoraBand;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report pages write figures. */
class ReportPagesTextTest {

	private final ReportPagesText text = ReportPagesText.INSTANCE;

	@Test
	void durationsInTheTwoLargestUnits() {
		assertThat(this.text.duration(null)).isEqualTo("—");
		assertThat(this.text.duration(0L)).isEqualTo("0 s");
		assertThat(this.text.duration(45L)).isEqualTo("45 s");
		assertThat(this.text.duration(450L)).isEqualTo("7 min 30 s");
		assertThat(this.text.duration(3600L)).isEqualTo("1 h");
		assertThat(this.text.duration(7_500L)).isEqualTo("2 h 5 min");
		assertThat(this.text.duration(3 * 86_400L + 4 * 3_600 + 59)).isEqualTo("3 d 4 h");
	}

	@Test
	void sharesAsPercentagesAndBands() {
		assertThat(this.text.percent(2 / 3.0)).isEqualTo("66.7 %");
		assertThat(this.text.percent(1.0)).isEqualTo("100 %");
		assertThat(this.text.percent(null)).isEqualTo("—");
		assertThat(this.text.percentage(99.95)).isEqualTo("99.95 %");
		assertThat(this.text.percentage(null)).isEqualTo("—");
		assertThat(this.text.number(2.2857, 2)).isEqualTo("2.29");
		assertThat(this.text.number(3, 2)).isEqualTo("3");
		assertThat(this.text.band(DoraBand.ELITE)).isEqualTo("elite");
		assertThat(this.text.band(null)).isEqualTo("—");
		assertThat(this.text.yesNo(null)).isEqualTo("—");
	}

}
