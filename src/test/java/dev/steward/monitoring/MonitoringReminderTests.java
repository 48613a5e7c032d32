package dev.steward.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders of overdue monitoring reviews over real SMTP (GreenMail), in an application
 * of its own with its own in-memory database, so that no other application's timers send
 * them. The reminder timer runs only every thousand days here; the tests run the
 * reminders themselves, and one moves the timer to now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:monitoring-reminder-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=",
		"steward.notifications.mail-from=steward@steward.example.com", "steward.base-url=https://steward.example.com",
		"steward.monitoring.reminder-interval=P1000D" })
class MonitoringReminderTests extends ApiTest {

	private static final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

	static {
		smtp.start();
	}

	@Autowired
	MonitoringReminders reminders;

	@Autowired
	SchedulerClient timers;

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
	void theTeamIsRemindedOnceWhenAReviewFallsDueAndAgainEachCadenceItStaysMissing() throws Exception {
		String address = unique("oncall") + "@example.com";
		String team = teamWithAddress(address);
		String service = service(team, 1);
		String tierTwo = service(team, 2);

		this.clock.advance(Duration.ofDays(31));
		assertThat(this.reminders.sendDue()).contains(service).doesNotContain(tierTwo);
		assertThat(this.reminders.sendDue()).as("a second run").doesNotContain(service);
		List<MimeMessage> mails = mails(address, service);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("[Steward] The monitoring review of " + service + " is overdue");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("steward@steward.example.com");
		assertThat(GreenMailUtil.getBody(mail)).contains("Owner:        " + team, "Tier:         1",
				"Cadence:      P30D", "Last review:  never", "https://steward.example.com/services/" + service,
				"1 day ago");
		assertThat(mails(address, tierTwo)).isEmpty();

		this.clock.advance(Duration.ofDays(30));
		assertThat(this.reminders.sendDue()).contains(service, tierTwo);
		assertThat(this.reminders.sendDue()).doesNotContain(service, tierTwo);
		assertThat(mails(address, service)).hasSize(2);
		assertThat(GreenMailUtil.getBody(mails(address, service).get(1))).contains("This is reminder 2");
		assertThat(mails(address, tierTwo)).hasSize(1);

		created(this.api.post("/api/v1/services/" + service + "/monitoring-reviews",
				Map.of("findings", "Alert on checkout errors now pages")));
		assertThat(this.reminders.sendDue()).doesNotContain(service);
		this.clock.advance(Duration.ofDays(31));
		assertThat(this.reminders.sendDue()).contains(service);
		assertThat(mails(address, service)).hasSize(3);
		assertThat(GreenMailUtil.getBody(mails(address, service).get(2))).contains("Last review:  ")
			.doesNotContain("Last review:  never");
	}

	@Test
	void twoRunsAtOnceSendAReminderOnce() throws Exception {
		String address = unique("team") + "@example.com";
		String service = service(teamWithAddress(address), 1);
		this.clock.advance(Duration.ofDays(31));
		for (int attempt = 0; attempt < 3; attempt++) {
			CompletableFuture<List<String>> one = CompletableFuture.supplyAsync(this.reminders::sendDue);
			CompletableFuture<List<String>> two = CompletableFuture.supplyAsync(this.reminders::sendDue);
			List<String> reminded = new ArrayList<>(one.get(30, TimeUnit.SECONDS));
			reminded.addAll(two.get(30, TimeUnit.SECONDS));
			assertThat(reminded).filteredOn(service::equals).hasSize(attempt == 0 ? 1 : 0);
		}
		assertThat(mails(address, service)).hasSize(1);
	}

	@Test
	void withoutATeamAddressEachMemberIsReminded() throws Exception {
		String ada = user();
		String bob = user();
		String team = team("stream", List.of(Map.of("user", ada, "role", "lead"), Map.of("user", bob)));
		String service = service(team, 1);
		this.clock.advance(Duration.ofDays(31));
		this.reminders.sendDue();
		this.reminders.sendDue();
		assertThat(mails(ada + "@example.com", service)).hasSize(1);
		assertThat(mails(bob + "@example.com", service)).hasSize(1);
	}

	@Test
	void aReminderTheMailServerDidNotTakeIsSentOnTheNextRun() throws Exception {
		String address = unique("team") + "@example.com";
		String service = service(teamWithAddress(address), 1);
		this.clock.advance(Duration.ofDays(31));
		smtp.stop();
		try {
			assertThat(this.reminders.sendDue()).doesNotContain(service);
		}
		finally {
			smtp.start();
		}
		assertThat(this.reminders.sendDue()).contains(service);
		assertThat(mails(address, service)).hasSize(1);
	}

	@Test
	void theReminderTimerIsPlannedOnStartAndSendsTheRemindersWhenItRuns() throws Exception {
		TaskInstanceId timer = TaskInstanceId.of("monitoring-review-reminders", "recurring");
		Instant planned = this.timers.getScheduledExecution(timer)
			.map(ScheduledExecution::getExecutionTime)
			.orElseThrow(() -> new AssertionError("The reminder timer is not planned"));
		assertThat(planned).isAfter(this.clock.instant().plus(Duration.ofDays(500)));

		String address = unique("team") + "@example.com";
		String service = service(teamWithAddress(address), 1);
		this.clock.advance(Duration.ofDays(31));
		assertThat(this.timers.reschedule(timer, this.clock.instant())).isTrue();
		await().atMost(Duration.ofSeconds(15)).until(() -> mails(address, service).size() == 1);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.timers.getScheduledExecution(timer)
				.map(execution -> execution.getExecutionTime().isAfter(this.clock.instant().plus(Duration.ofDays(500))))
				.orElse(false));
	}

	private String teamWithAddress(String address) {
		String name = unique("team");
		created(this.api.post("/api/v1/teams", Map.of("name", name, "title", "Team " + name, "kind", "stream", "email",
				address, "members", List.of(Map.of("user", user(), "role", "lead")))));
		return name;
	}

	/** The reminders about {@code service} in the mailbox of {@code address}. */
	private static List<MimeMessage> mails(String address, String service) {
		return smtp.findReceivedMessages(user -> user.getEmail().equals(address), mail -> {
			try {
				return mail.getSubject().contains(" " + service + " ");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
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
