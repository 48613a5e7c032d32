package dev.steward.reporting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.steward.MailApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The weekly digests over real SMTP (GreenMail), in an application of its own so that
 * only its mail reaches this server: each subscriber gets last week's digest of their
 * team or of the organization once, however often the digests run that week.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:digest-mail-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"steward.base-url=https://steward.example.com" })
class DigestMailTests extends MailApiTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	TestClock clock;

	@Autowired
	Digests digests;

	@Test
	void subscribersGetLastWeeksDigestOfTheirTeamOrTheOrganizationOnce() throws Exception {
		String ana = user();
		String ben = user();
		String team = team("stream", List.of(Map.of("user", ana, "role", "lead")));
		String service = service(team, 2);
		created(this.api.post("/api/v1/incidents",
				Map.of("service", service, "title", "Checkout answers 502", "severity", "critical")));
		created(this.api.put("/api/v1/users/" + ana + "/digest-subscriptions/team:" + team, null));
		created(this.api.put("/api/v1/users/" + ben + "/digest-subscriptions/organization", null));
		this.clock.advance(Duration.ofDays(7));
		String week = ReportPeriod.isoWeek(this.digests.lastWeek().since());

		this.digests.sendLastWeek();
		assertThat(this.digests.sendLastWeek()).as("the same week again").isZero();

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(mail.to(ana)).hasSize(1);
			assertThat(mail.to(ben)).hasSize(1);
		});
		MimeMessage toAna = mail.to(ana).get(0);
		assertThat(toAna.getSubject()).isEqualTo("[Steward] Weekly digest of " + team + ", " + week);
		assertThat(GreenMailUtil.getBody(toAna)).contains("Incidents: 1 (1 high, 0 low)", service + ": 1 incident(s)",
				"https://steward.example.com/reports/teams/" + team + "?since=");
		MimeMessage toBen = mail.to(ben).get(0);
		assertThat(toBen.getSubject()).isEqualTo("[Steward] Weekly digest of the organization, " + week);
		assertThat(GreenMailUtil.getBody(toBen)).contains("By group:",
				"https://steward.example.com/reports/organization");
	}

	@Test
	void lastWeekRunsFromMondayToMondayInUtc() {
		ReportPeriod week = this.digests.lastWeek();
		LocalDate since = LocalDate.ofInstant(week.since(), ZoneOffset.UTC);
		assertThat(since.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(week.since().atOffset(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
		assertThat(Duration.between(week.since(), week.until())).isEqualTo(Duration.ofDays(7));
		assertThat(week.until()).isBeforeOrEqualTo(this.clock.instant());
		assertThat(Duration.between(week.until(), this.clock.instant())).isLessThan(Duration.ofDays(7));
	}

	@Test
	void durationsReadAsPeopleSayThem() {
		assertThat(Digests.duration(null)).isEqualTo("-");
		assertThat(Digests.duration(42L)).isEqualTo("42s");
		assertThat(Digests.duration(3_900L)).isEqualTo("1h 5m");
		assertThat(Digests.duration(90_000L)).isEqualTo("1d 1h");
	}

}
