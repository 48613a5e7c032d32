package dev.steward.notifications;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import dev.steward.WebhookReceiver;
import dev.steward.common.NotFound;
import dev.steward.notifications.internal.DeliveryTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries over webhooks and Slack to a local HTTP server, on the shared application
 * (which has no mail server): timing, idempotency, cancellation, retries and the events
 * that report them.
 */
class NotificationDeliveryTests extends ApiTest {

	private static final Duration QUIET = Duration.ofMillis(800);

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@Autowired
	Notifications notifications;

	@Autowired
	TestClock clock;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	SchedulerClient timers;

	@Autowired
	TransactionTemplate transactions;

	private WebhookReceiver receiver;

	private long incident;

	private NotificationEvents events;

	@BeforeEach
	void receive() {
		this.receiver = new WebhookReceiver();
		this.incident = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
		this.events = new NotificationEvents(this.context, this.incident);
	}

	@AfterEach
	void stop() {
		this.notifications.cancelPending(this.incident);
		this.events.close();
		this.receiver.close();
	}

	@Test
	void aWebhookGetsTheIncidentAtOnceAndTheOutcomeIsPublished() {
		String ana = subscriber(Map.of("hook", "/hook"), List.of(rule("PT0M", "hook")));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "high"));

		await().atMost(PATIENCE).until(() -> this.receiver.requests().size() == 1);
		WebhookReceiver.Request request = this.receiver.requests().get(0);
		assertThat(request.contentType()).isEqualTo("application/json");
		JsonNode body = request.body();
		assertThat(body.path("event").asString()).isEqualTo("incident.notification");
		assertThat(body.path("number").asLong()).isEqualTo(this.incident);
		assertThat(body.path("title").asString()).isEqualTo("Checkout fails");
		assertThat(body.path("service").asString()).isEqualTo("payments-api");
		assertThat(body.path("urgency").asString()).isEqualTo("high");
		assertThat(body.path("status").asString()).isEqualTo("triggered");
		assertThat(body.path("summary").asString()).isEqualTo("Error rate 12 % on POST /checkout");
		assertThat(body.path("user").asString()).isEqualTo(ana);
		assertThat(body.path("links").path("acknowledge").asString()).endsWith("/acknowledge");
		assertThat(body.path("details").path("region").asString()).isEqualTo("eu-west-1");

		await().atMost(PATIENCE).until(() -> "sent".equals(status(0)));
		Delivery delivery = this.notifications.deliveries(this.incident).get(0);
		assertThat(delivery.key()).isEqualTo("inc/l1/r0/" + ana + "/0/hook");
		assertThat(delivery.channel()).isEqualTo("webhook");
		assertThat(delivery.address()).isEqualTo(this.receiver.url("/…"));
		assertThat(delivery.attempts()).isEqualTo(1);
		assertThat(delivery.sentAt()).isNotNull();
		await().atMost(PATIENCE).until(() -> !this.events.all().isEmpty());
		assertThat(this.events.all()).singleElement().isInstanceOfSatisfying(NotificationSent.class, sent -> {
			assertThat(sent.user()).isEqualTo(ana);
			assertThat(sent.contactMethod()).isEqualTo("hook");
			assertThat(sent.channel()).isEqualTo("webhook");
			assertThat(sent.attempt()).isEqualTo(1);
		});
	}

	@Test
	void slackGetsTextAndBlocksWithButtonsForTheLinks() {
		String ana = user();
		created(this.api.put("/api/v1/users/" + ana + "/contact-methods/chat",
				Map.of("type", "slack", "address", this.receiver.url("/services/T0/B0/secret"))));
		ok(this.api.put("/api/v1/users/" + ana + "/notification-rules",
				Map.of("rules", List.of(rule("PT0M", "chat")))));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "high"));

		await().atMost(PATIENCE).until(() -> this.receiver.requests().size() == 1);
		JsonNode body = this.receiver.requests().get(0).body();
		assertThat(body.path("text").asString())
			.isEqualTo("[Steward] HIGH #" + this.incident + " payments-api: Checkout fails");
		JsonNode blocks = body.path("blocks");
		assertThat(blocks.findValuesAsString("type")).contains("header", "section", "actions", "button");
		assertThat(blocks.findValuesAsString("url")).containsExactly(
				"https://steward.example.com/incidents/42/acknowledge", "https://steward.example.com/incidents/42");
		assertThat(body.toString()).contains("Error rate 12 % on POST /checkout", "eu-west-1");
	}

	@Test
	void aStepPlannedTwiceEvenAtOnceIsDeliveredOnce() throws Exception {
		String ana = subscriber(Map.of("hook", "/hook"), List.of(rule("PT0M", "hook"), rule("PT0M", "default")));
		Notification step = notification("inc/l1/r0/" + ana, ana, "high");
		this.notifications.notify(step);
		concurrently(() -> {
			this.notifications.notify(step);
			return null;
		}, () -> {
			this.notifications.notify(step);
			return null;
		});

		await().atMost(PATIENCE).until(() -> this.receiver.requests().size() == 1);
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests().size() == 1);
		assertThat(this.notifications.deliveries(this.incident)).extracting(Delivery::key)
			.containsExactlyInAnyOrder("inc/l1/r0/" + ana + "/0/hook", "inc/l1/r0/" + ana + "/1/default");
	}

	@Test
	void aDelayedRuleIsDeliveredWhenItsTimeComes() {
		String ana = subscriber(Map.of("now", "/now", "later", "/later"),
				List.of(rule("PT0M", "now"), rule("PT15M", "later")));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "high"));

		await().atMost(PATIENCE).until(() -> this.receiver.requests("/now").size() == 1);
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests("/later").isEmpty());
		Delivery later = this.notifications.deliveries(this.incident)
			.stream()
			.filter(delivery -> delivery.contactMethod().equals("later"))
			.findFirst()
			.orElseThrow();
		assertThat(later.status()).isEqualTo("pending");
		assertThat(Duration.between(later.createdAt(), later.dueAt())).isEqualTo(Duration.ofMinutes(15));

		this.clock.advance(Duration.ofMinutes(15));
		await().atMost(PATIENCE).until(() -> this.receiver.requests("/later").size() == 1);
	}

	@Test
	void aStepPlannedInATransactionThatRollsBackLeavesNeitherDeliveryNorTimer() {
		String ana = subscriber(Map.of("later", "/later"), List.of(rule("PT10M", "later")));
		Notification step = notification("inc/l1/r0/" + ana, ana, "high");
		TaskInstanceId timer = TaskInstanceId.of(DeliveryTask.NAME, "inc/l1/r0/" + ana + "/0/later");
		this.transactions.executeWithoutResult(status -> {
			this.notifications.notify(step);
			assertThat(this.timers.getScheduledExecution(timer)).isPresent();
			status.setRollbackOnly();
		});
		assertThat(this.notifications.deliveries(this.incident)).isEmpty();
		assertThat(this.timers.getScheduledExecution(timer)).isEmpty();

		this.notifications.notify(step);
		assertThat(this.timers.getScheduledExecution(timer))
			.hasValueSatisfying(execution -> assertThat(execution.getExecutionTime())
				.isCloseTo(delivery(0, Delivery::dueAt), within(1, ChronoUnit.MILLIS)));
	}

	@Test
	void cancellingStopsTheDeliveriesNotYetSent() {
		String ana = subscriber(Map.of("now", "/now", "later", "/later"),
				List.of(rule("PT0M", "now"), rule("PT10M", "later")));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "high"));
		await().atMost(PATIENCE).until(() -> "sent".equals(status(0)));

		this.notifications.cancelPending(this.incident);
		assertThat(this.notifications.deliveries(this.incident)).extracting(Delivery::status)
			.containsExactly("sent", "cancelled");
		this.clock.advance(Duration.ofMinutes(10));
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests("/later").isEmpty());
		assertThat(this.receiver.requests()).hasSize(1);
		assertThat(status(1)).isEqualTo("cancelled");
	}

	@Test
	void aFailingWebhookIsRetriedWithBackOffUntilItAnswers() {
		this.receiver.answer(500, 503);
		String ana = subscriber(Map.of("hook", "/hook"), List.of(rule("PT0M", "hook")));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "high"));

		await().atMost(PATIENCE).until(() -> "sent".equals(status(0)));
		assertThat(this.receiver.requests()).hasSize(3);
		assertThat(this.receiver.requests().stream().map(request -> request.header("Idempotency-Key").orElseThrow()))
			.as("every attempt of one delivery names it the same way")
			.hasSize(3)
			.allMatch(key -> key.matches("steward-[0-9a-f]{32}"))
			.containsOnly(this.receiver.requests().get(0).header("Idempotency-Key").orElseThrow());
		assertThat(this.notifications.deliveries(this.incident).get(0).attempts()).isEqualTo(3);
		await().atMost(PATIENCE).until(() -> this.events.all().size() == 3);
		List<Object> published = this.events.all();
		assertThat(published.get(0)).isInstanceOfSatisfying(NotificationFailed.class, failed -> {
			assertThat(failed.attempt()).isEqualTo(1);
			assertThat(failed.reason()).isEqualTo("The webhook answered HTTP 500");
			assertThat(failed.finalFailure()).isFalse();
		});
		assertThat(published.get(1)).isInstanceOfSatisfying(NotificationFailed.class,
				failed -> assertThat(failed.attempt()).isEqualTo(2));
		assertThat(published.get(2)).isInstanceOfSatisfying(NotificationSent.class,
				sent -> assertThat(sent.attempt()).isEqualTo(3));
	}

	@Test
	void aDeliveryFailsForGoodAfterTheLastAttempt() {
		this.receiver.answer(500, 500, 500, 500);
		String ana = subscriber(Map.of("hook", "/hook"), List.of(rule("PT0M", "hook")));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "high"));

		await().atMost(PATIENCE).until(() -> "failed".equals(status(0)));
		Delivery failed = this.notifications.deliveries(this.incident).get(0);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.lastError()).isEqualTo("The webhook answered HTTP 500");
		await().atMost(PATIENCE).until(() -> this.events.all().size() == 3);
		assertThat(this.events.all()).allSatisfy(event -> assertThat(event).isInstanceOf(NotificationFailed.class))
			.extracting(event -> ((NotificationFailed) event).finalFailure())
			.containsExactly(false, false, true);
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests().size() == 3);
	}

	@Test
	void aWebhookThatRefusesTheRequestIsNotTriedAgain() {
		this.receiver.answer(404);
		String ana = subscriber(Map.of("hook", "/hook"), List.of(rule("PT0M", "hook")));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "high"));

		await().atMost(PATIENCE).until(() -> "failed".equals(status(0)));
		assertThat(this.notifications.deliveries(this.incident).get(0).attempts()).isEqualTo(1);
		await().atMost(PATIENCE).until(() -> this.events.all().size() == 1);
		assertThat(this.events.all()).singleElement()
			.isInstanceOfSatisfying(NotificationFailed.class, failed -> assertThat(failed.finalFailure()).isTrue());
	}

	@Test
	void withoutAMailServerAnEmailFailsAtOnceWithTheReason() {
		String ana = user();
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "low"));

		await().atMost(PATIENCE).until(() -> "failed".equals(status(0)));
		Delivery delivery = this.notifications.deliveries(this.incident).get(0);
		assertThat(delivery.channel()).isEqualTo("email");
		assertThat(delivery.address()).isEqualTo(ana + "@example.com");
		assertThat(delivery.lastError()).contains("No mail server is configured", "spring.mail.host");
		await().atMost(PATIENCE).until(() -> this.events.all().size() == 1);
		assertThat(this.events.all()).singleElement()
			.isInstanceOfSatisfying(NotificationFailed.class, failed -> assertThat(failed.finalFailure()).isTrue());
	}

	@Test
	void onlyTheRulesOfTheNotificationsUrgencyApply() {
		String ana = subscriber(Map.of("high", "/high", "low", "/low"),
				List.of(rule("PT0M", "high", "high"), rule("PT0M", "low", "low")));
		this.notifications.notify(notification("inc/l1/r0/" + ana, ana, "low"));

		await().atMost(PATIENCE).until(() -> this.receiver.requests("/low").size() == 1);
		await().during(QUIET).atMost(PATIENCE).until(() -> this.receiver.requests("/high").isEmpty());
		assertThat(this.notifications.deliveries(this.incident)).extracting(Delivery::contactMethod)
			.containsExactly("low");
	}

	@Test
	void aNotificationForAnUnknownUserOrWithoutUrgencyIsRefused() {
		assertThatThrownBy(() -> this.notifications.notify(notification("inc/l1/r0/x", unique("nobody"), "high")))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.notifications.notify(notification("inc/l1/r0/x", user(), "urgent")))
			.hasMessageContaining("urgency");
		assertThat(this.notifications.deliveries(this.incident)).isEmpty();
	}

	/** A user with webhook contact methods (name to path on the receiver) and rules. */
	private String subscriber(Map<String, String> hooks, List<Map<String, String>> rules) {
		String user = user();
		hooks.forEach((name, path) -> created(this.api.put("/api/v1/users/" + user + "/contact-methods/" + name,
				Map.of("type", "webhook", "address", this.receiver.url(path)))));
		ok(this.api.put("/api/v1/users/" + user + "/notification-rules", Map.of("rules", rules)));
		return user;
	}

	private static Map<String, String> rule(String after, String contactMethod) {
		return Map.of("after", after, "contactMethod", contactMethod);
	}

	private static Map<String, String> rule(String after, String contactMethod, String urgency) {
		return Map.of("after", after, "contactMethod", contactMethod, "urgency", urgency);
	}

	private Notification notification(String stepKey, String user, String urgency) {
		return new Notification(
				stepKey, this.incident, "payments-api", "Checkout fails", "Error rate 12 % on POST /checkout", urgency,
				"triggered", user, Map.of("acknowledge", "https://steward.example.com/incidents/42/acknowledge",
						"incident", "https://steward.example.com/incidents/42"),
				Map.of("region", "eu-west-1", "errorRate", 0.12));
	}

	private String status(int index) {
		return delivery(index, Delivery::status);
	}

	private <T> T delivery(int index, Function<Delivery, T> field) {
		List<Delivery> deliveries = this.notifications.deliveries(this.incident);
		return deliveries.size() > index ? field.apply(deliveries.get(index)) : null;
	}

	@SafeVarargs
	private static void concurrently(Callable<Void>... calls) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(calls.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Void>> results = new ArrayList<>();
			for (Callable<Void> call : calls) {
				results.add(threads.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			for (Future<Void> result : results) {
				result.get();
			}
		}
		finally {
			threads.shutdown();
		}
	}

}
