package dev.steward.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules behind report figures: off-hours pages, medians, means and DORA bands. */
class ReportFiguresTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void aPageIsOutsideHoursBeforeEightAndFromTenInThePagedPersonsZone() {
		assertThat(ReportSources.outsideHours(Instant.parse("2026-01-15T06:59:59Z"), BERLIN)).as("07:59:59 CET")
			.isTrue();
		assertThat(ReportSources.outsideHours(Instant.parse("2026-01-15T07:00:00Z"), BERLIN)).as("08:00 CET").isFalse();
		assertThat(ReportSources.outsideHours(Instant.parse("2026-07-15T19:59:59Z"), BERLIN)).as("21:59:59 CEST")
			.isFalse();
		assertThat(ReportSources.outsideHours(Instant.parse("2026-07-15T20:00:00Z"), BERLIN)).as("22:00 CEST").isTrue();
		assertThat(ReportSources.outsideHours(Instant.parse("2026-07-15T20:00:00Z"), ZoneId.of("America/New_York")))
			.as("16:00 in New York")
			.isFalse();
	}

	@Test
	void mediansTakeTheMiddleOrTheMeanOfTheTwoMiddleValues() {
		assertThat(ReportTally.medianSeconds(List.of())).isNull();
		assertThat(ReportTally.medianSeconds(List.of(9_000L, 1_000L, 5_000L))).isEqualTo(5);
		assertThat(ReportTally.medianSeconds(List.of(1_000L, 2_000L, 10_000L, 4_000L))).isEqualTo(3);
		assertThat(ReportTally.meanSeconds(3_000, 2)).as("1.5 s rounds half up").isEqualTo(2);
		assertThat(ReportTally.meanSeconds(0, 0)).isNull();
	}

	@Test
	void doraBandsFollowTheirCutOffs() {
		assertThat(DoraBand.ofDeploymentFrequency(7)).isEqualTo(DoraBand.ELITE);
		assertThat(DoraBand.ofDeploymentFrequency(6.99)).isEqualTo(DoraBand.HIGH);
		assertThat(DoraBand.ofDeploymentFrequency(1)).isEqualTo(DoraBand.HIGH);
		assertThat(DoraBand.ofDeploymentFrequency(0.25)).isEqualTo(DoraBand.MEDIUM);
		assertThat(DoraBand.ofDeploymentFrequency(0.2)).isEqualTo(DoraBand.LOW);
		assertThat(DoraBand.ofLeadTime(86_399L)).isEqualTo(DoraBand.ELITE);
		assertThat(DoraBand.ofLeadTime(86_400L)).isEqualTo(DoraBand.HIGH);
		assertThat(DoraBand.ofLeadTime(7 * 86_400L)).isEqualTo(DoraBand.HIGH);
		assertThat(DoraBand.ofLeadTime(30 * 86_400L)).isEqualTo(DoraBand.MEDIUM);
		assertThat(DoraBand.ofLeadTime(30 * 86_400L + 1)).isEqualTo(DoraBand.LOW);
		assertThat(DoraBand.ofLeadTime(null)).isNull();
		assertThat(DoraBand.ofChangeFailureRate(0.05)).isEqualTo(DoraBand.ELITE);
		assertThat(DoraBand.ofChangeFailureRate(0.1)).isEqualTo(DoraBand.HIGH);
		assertThat(DoraBand.ofChangeFailureRate(0.15)).isEqualTo(DoraBand.MEDIUM);
		assertThat(DoraBand.ofChangeFailureRate(0.16)).isEqualTo(DoraBand.LOW);
		assertThat(DoraBand.ofChangeFailureRate(null)).isNull();
		assertThat(DoraBand.ofRecoveryTime(3_599L)).isEqualTo(DoraBand.ELITE);
		assertThat(DoraBand.ofRecoveryTime(3_600L)).isEqualTo(DoraBand.HIGH);
		assertThat(DoraBand.ofRecoveryTime(86_400L)).isEqualTo(DoraBand.MEDIUM);
		assertThat(DoraBand.ofRecoveryTime(7 * 86_400L + 1)).isEqualTo(DoraBand.LOW);
	}

}
