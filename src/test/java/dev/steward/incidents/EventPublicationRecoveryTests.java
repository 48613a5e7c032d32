package dev.steward.incidents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steward.ApiTest;
import dev.steward.TestClock;
import dev.steward.common.EventPublications;
import dev.steward.notifications.NotificationSent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A notification outcome whose listener never completed — as when the node running it
 * dies — is handed to the listener again by the recovery, and lands on the timeline once
 * however often it is delivered.
 */
class EventPublicationRecoveryTests extends ApiTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublications publications;

	@Test
	void anAbandonedOutcomeIsRecordedOnceAfterRecovery() {
		long incident = incident();
		UUID publication = deliveredOutcome(incident);

		abandon(publication);
		this.jdbc.sql("delete from incident_timeline where incident = ? and type = 'notified'")
			.param(incident)
			.update();
		this.publications.resubmitStale();
		assertThat(resubmitted(publication)).isTrue();
		await().atMost(PATIENCE).until(() -> completed(publication));
		assertThat(notified(incident)).isEqualTo(1);

		abandon(publication);
		this.publications.resubmitStale();
		await().atMost(PATIENCE).until(() -> completed(publication));
		assertThat(notified(incident)).isEqualTo(1);
	}

	@Test
	void aPublicationStillWithinItsGraceIsLeftToItsNode() {
		long incident = incident();
		UUID publication = deliveredOutcome(incident);
		this.jdbc
			.sql("update event_publication set completion_date = null, status = 'PROCESSING', publication_date = ?, "
					+ "last_resubmission_date = null where id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant()), publication)
			.update();

		this.publications.resubmitStale();

		assertThat(resubmitted(publication)).isFalse();
		assertThat(completed(publication)).isFalse();
	}

	/**
	 * Publishes that a new user was notified of the incident, waits until the timeline
	 * shows it and the publication is completed, and answers the publication.
	 */
	private UUID deliveredOutcome(long incident) {
		String user = user();
		this.transactions.executeWithoutResult(status -> this.events
			.publishEvent(new NotificationSent(incident, user, "work-email", "email", 1, this.clock.instant())));
		await().atMost(PATIENCE).until(() -> notified(incident) == 1);
		UUID publication = this.jdbc.sql("select id from event_publication where serialized_event like ?")
			.param("%\"user\":\"" + user + "\"%")
			.query(UUID.class)
			.single();
		await().atMost(PATIENCE).until(() -> completed(publication));
		return publication;
	}

	/**
	 * Makes a completed publication look like one a dead node was processing long ago.
	 */
	private void abandon(UUID publication) {
		this.jdbc
			.sql("update event_publication set completion_date = null, status = 'PROCESSING', "
					+ "publication_date = ?, last_resubmission_date = null where id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofHours(1))), publication)
			.update();
	}

	private boolean completed(UUID publication) {
		return this.jdbc.sql("select completion_date from event_publication where id = ?")
			.param(publication)
			.query((rs, row) -> rs.getTimestamp(1) != null)
			.single();
	}

	private boolean resubmitted(UUID publication) {
		return this.jdbc.sql("select last_resubmission_date from event_publication where id = ?")
			.param(publication)
			.query((rs, row) -> rs.getTimestamp(1) != null)
			.single();
	}

	private int notified(long incident) {
		return this.jdbc.sql("select count(*) from incident_timeline where incident = ? and type = 'notified'")
			.param(incident)
			.query(Integer.class)
			.single();
	}

	private long incident() {
		String service = service(team(), 2);
		String key = created(this.api.post("/api/v1/services/" + service + "/integration-keys", Map.of())).json()
			.path("key")
			.asString();
		this.api.withToken(null)
			.post("/integrations/pagerduty/v2/enqueue",
					Map.of("routing_key", key, "event_action", "trigger", "dedup_key", "disk", "payload",
							Map.of("summary", "disk full", "source", "db-1", "severity", "error")));
		List<Long> numbers = ok(this.api.get("/api/v1/incidents?service=" + service)).json()
			.path("items")
			.findValues("number")
			.stream()
			.map(node -> node.asLong())
			.toList();
		return numbers.get(0);
	}

}
