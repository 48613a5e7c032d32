package dev.steward.slas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The recurring check of active SLA agreements against pushed SLI counts, mailing both
 * owning teams over real SMTP (GreenMail) when a breach starts, in an application of its
 * own (own in-memory database, checks every second).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:sla-breach-mail-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "steward.slas.agreement-check-interval=PT1S",
		"steward.notifications.mail-from=sla@steward.example.com" })
class SlaBreachMailTests extends ApiTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

	static {
		smtp.start();
	}

	@Autowired
	TestClock clock;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopMailServer() {
		smtp.stop();
	}

	@Test
	void aBreachIsRecordedOnceMailedToBothTeamsAndEndsWhenTheSliRecovers() throws Exception {
		String providerLead = user();
		String consumerA = user();
		String consumerB = user();
		String providerTeam = unique("team");
		created(this.api.post("/api/v1/teams",
				Map.of("name", providerTeam, "title", "Provider", "kind", "stream", "email",
						providerTeam + "@teams.example.com", "members",
						List.of(Map.of("user", providerLead, "role", "lead")))));
		String provider = service(providerTeam, 1);
		String consumer = service(team("stream",
				List.of(Map.of("user", consumerA, "role", "member"), Map.of("user", consumerB, "role", "member"))), 2);
		String slos = "/api/v1/services/" + provider + "/slos";
		created(this.api.post(slos,
				Map.of("name", "availability", "indicator", "availability", "objective", 99.9, "window", "P30D")));
		long id = created(this.api.post("/api/v1/sla-agreements",
				Map.of("provider", provider, "consumer", consumer, "objectives",
						List.of(Map.of("indicator", "availability", "objective", 99.0, "window", "P1D")))))
			.json()
			.path("id")
			.asLong();
		ok(this.api.post("/api/v1/sla-agreements/" + id + "/accept", null));

		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		push(slos, List.of(sample(minute.minus(Duration.ofMinutes(30)), 900, 1000)));
		await().atMost(PATIENCE).until(() -> breaches(id).size() == 1);
		List<String> addresses = List.of(providerTeam + "@teams.example.com", consumerA + "@example.com",
				consumerB + "@example.com");
		for (String address : addresses) {
			await().atMost(PATIENCE).until(() -> !to(address).isEmpty());
		}
		JsonNode breach = breaches(id).get(0);
		assertThat(breach.path("endedAt").isNull()).isTrue();
		assertThat(breach.path("sli").asDouble()).isCloseTo(90.0, within(0.001));
		assertThat(breach.path("target").asDouble()).isEqualTo(99.0);

		for (String address : addresses) {
			List<MimeMessage> mails = to(address);
			assertThat(mails).as(address).hasSize(1);
			assertThat(mails.get(0).getSubject())
				.isEqualTo("[Steward] SLA breach: " + provider + " for " + consumer + " (agreement #" + id + ")");
			assertThat(mails.get(0).getFrom()[0].toString()).isEqualTo("sla@steward.example.com");
			assertThat(GreenMailUtil.getBody(mails.get(0))).contains("availability over P1D: 90.000 %",
					"objective of 99 %", "/sla-agreements/" + id);
		}
		assertThat(to(providerLead + "@example.com")).as("the team's address stands for its members").isEmpty();

		List<Map<String, Object>> good = new ArrayList<>();
		for (int back = 29; back >= 1; back--) {
			good.add(sample(minute.minus(Duration.ofMinutes(back)), 1000, 1000));
		}
		push(slos, good);
		await().atMost(PATIENCE).until(() -> !breaches(id).get(0).path("endedAt").isNull());
		assertThat(breaches(id)).hasSize(1);
		assertThat(to(consumerA + "@example.com")).as("one mail per episode").hasSize(1);
		assertThat(ok(this.api.get("/api/v1/sla-agreements/" + id)).json()
			.path("evaluation")
			.get(0)
			.path("status")
			.asString()).isEqualTo("met");
	}

	private JsonNode breaches(long id) {
		return ok(this.api.get("/api/v1/sla-agreements/" + id)).json().path("breaches");
	}

	private void push(String slos, List<Map<String, Object>> samples) {
		ok(this.api.post(slos + "/availability/samples", Map.of("samples", samples)));
	}

	private static Map<String, Object> sample(Instant at, long good, long total) {
		return Map.of("at", at.toString(), "good", good, "total", total);
	}

	private static List<MimeMessage> to(String address) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
				.anyMatch(recipient -> recipient.toString().equals(address))) {
				mails.add(mail);
			}
		}
		return mails;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
