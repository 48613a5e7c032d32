package dev.steward.apis.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.steward.MailApiTest;
import dev.steward.TestClock;
import dev.steward.notifications.MailOutbox;
import dev.steward.notifications.OutboxMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deprecating an API version mails the owning team of every service that consumes its
 * major, once per team and sunset, over real SMTP (GreenMail), in an application of its
 * own so that only its mail reaches this server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:deprecation-mail-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=" })
class DeprecationMailTests extends MailApiTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	TestClock clock;

	@Autowired
	MailOutbox outbox;

	@Test
	void eachConsumingTeamIsMailedOncePerSunsetAndOtherMajorsAreLeftAlone() throws Exception {
		String ana = user();
		String ben = user();
		String carla = user();
		String billing = team("stream", List.of(Map.of("user", ana), Map.of("user", ben)));
		String reports = team("stream", List.of(Map.of("user", carla)));
		String bystander = user();
		String elsewhere = team("stream", List.of(Map.of("user", bystander)));
		String provider = service(team(), 2);
		String invoices = service(billing, 2);
		String payouts = service(billing, 3);
		String monthly = service(reports, 3);
		String modern = service(elsewhere, 3);
		String api = unique("orders");
		created(this.api.post("/api/v1/services/" + provider + "/apis",
				Map.of("name", api, "visibility", "internal", "type", "openapi")));
		created(this.api.post("/api/v1/apis/" + api + "/versions", Map.of("version", "1.0.0", "spec", ApiApiTests.V1)));
		created(this.api.post("/api/v1/apis/" + api + "/versions",
				Map.of("version", "2.0.0", "spec", ApiApiTests.V1_BREAKING)));
		for (String consumer : List.of(invoices, payouts, monthly)) {
			created(this.api.put("/api/v1/apis/" + api + "/consumers/" + consumer, Map.of("major", 1)));
		}
		created(this.api.put("/api/v1/apis/" + api + "/consumers/" + modern, Map.of("major", 2)));

		String sunset = today().plusDays(60).toString();
		ok(this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/deprecate", Map.of("sunset", sunset)));

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(mail.to(ana)).hasSize(1);
			assertThat(mail.to(ben)).hasSize(1);
			assertThat(mail.to(carla)).hasSize(1);
		});
		MimeMessage toBilling = mail.to(ana).get(0);
		assertThat(toBilling.getSubject())
			.isEqualTo("[Steward] " + api + " 1.0.0 is deprecated (sunset " + sunset + ")");
		assertThat(GreenMailUtil.getBody(toBilling)).contains(invoices, payouts, provider, "2.0.0")
			.doesNotContain(monthly);
		assertThat(GreenMailUtil.getBody(mail.to(carla).get(0))).contains(monthly).doesNotContain(invoices);
		assertThat(this.outbox.messagesToTeam(billing)).singleElement()
			.extracting(OutboxMessage::status, OutboxMessage::attempts)
			.containsExactly("sent", 1);

		ok(this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/deprecate", Map.of("sunset", sunset)));
		String later = today().plusDays(90).toString();
		ok(this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/deprecate", Map.of("sunset", later)));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(mail.to(carla)).hasSize(2));
		assertThat(mail.to(carla).get(1).getSubject()).contains("sunset " + later);
		assertThat(this.outbox.messagesToTeam(reports)).hasSize(2);
		assertThat(mail.to(bystander)).isEmpty();
	}

	@Test
	void aTeamNobodyCanBeMailedAtIsRecordedAsFailed() {
		String silent = team();
		String api = unique("orders");
		created(this.api.post("/api/v1/services/" + service(team(), 2) + "/apis",
				Map.of("name", api, "visibility", "internal", "type", "openapi")));
		created(this.api.post("/api/v1/apis/" + api + "/versions", Map.of("version", "1.0.0", "spec", ApiApiTests.V1)));
		created(this.api.put("/api/v1/apis/" + api + "/consumers/" + service(silent, 3), Map.of("major", 1)));
		ok(this.api.post("/api/v1/apis/" + api + "/versions/1.0.0/deprecate",
				Map.of("sunset", today().plusDays(30).toString())));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.outbox.messagesToTeam(silent)).singleElement().satisfies(message -> {
				assertThat(message.status()).isEqualTo("failed");
				assertThat(message.lastError()).contains("no email address");
			}));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
