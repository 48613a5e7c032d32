package dev.steward.notifications.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.common.GaugeReadings;
import dev.steward.common.Sql;
import dev.steward.notifications.SentPage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery outbox: planned messages and what became of them. */
@Repository
public class DeliveryStore {

	public static final String PENDING = "pending";

	public static final String SENT = "sent";

	public static final String FAILED = "failed";

	public static final String CANCELLED = "cancelled";

	private static final int MAX_ERROR = 1000;

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("delivery_key"),
			rs.getLong("incident_number"), rs.getString("user_name"), rs.getString("contact_method"),
			rs.getString("channel"), rs.getString("address"), rs.getString("subject"), rs.getString("payload"),
			Sql.instant(rs, "due_at"), rs.getInt("attempts"), rs.getString("status"), rs.getString("last_error"),
			Sql.instant(rs, "sent_at"), Sql.instant(rs, "created_at"));

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a pending delivery unless one with its key exists (also one that another
	 * transaction is storing right now); answers whether it stored it.
	 */
	public boolean insertIfAbsent(Row row) {
		return this.jdbc.sql("""
				insert into notification_deliveries (delivery_key, incident_number, user_name, contact_method, channel,
				address, subject, payload, due_at, attempts, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'pending', ?) on conflict do nothing""")
			.params(row.key(), row.incidentNumber(), row.user(), row.contactMethod(), row.channel(), row.address(),
					row.subject(), row.payload(), Sql.timestamp(row.dueAt()), Sql.timestamp(row.createdAt()))
			.update() == 1;
	}

	/** The delivery, locked until the transaction ends so that no one else changes it. */
	public Optional<Row> lock(String key) {
		return this.jdbc.sql("select * from notification_deliveries where delivery_key = ? for update")
			.param(key)
			.query(ROW)
			.optional();
	}

	public void sent(String key, int attempts, Instant at) {
		this.jdbc
			.sql("update notification_deliveries set status = 'sent', attempts = ?, sent_at = ?, last_error = null "
					+ "where delivery_key = ?")
			.params(attempts, Sql.timestamp(at), key)
			.update();
	}

	/**
	 * Records a failed attempt after which the delivery is tried again at
	 * {@code retryAt}.
	 */
	public void retry(String key, int attempts, String error, Instant retryAt) {
		this.jdbc
			.sql("update notification_deliveries set attempts = ?, last_error = ?, due_at = ? where delivery_key = ?")
			.params(attempts, truncated(error), Sql.timestamp(retryAt), key)
			.update();
	}

	/** Records the last failed attempt: the delivery has failed for good. */
	public void failed(String key, int attempts, String error) {
		this.jdbc.sql(
				"update notification_deliveries set status = 'failed', attempts = ?, last_error = ? where delivery_key = ?")
			.params(attempts, truncated(error), key)
			.update();
	}

	/** Keys of the incident's pending deliveries, locked until the transaction ends. */
	public List<String> lockPending(long incidentNumber) {
		return this.jdbc.sql("""
				select delivery_key from notification_deliveries where incident_number = ? and status = 'pending'
				order by delivery_key for update""").param(incidentNumber).query(String.class).list();
	}

	public void cancel(Collection<String> keys) {
		if (!keys.isEmpty()) {
			this.jdbc.sql("update notification_deliveries set status = 'cancelled' where delivery_key in (:keys)")
				.param("keys", keys)
				.update();
		}
	}

	public List<Row> ofIncident(long incidentNumber) {
		return this.jdbc
			.sql("select * from notification_deliveries where incident_number = ? order by created_at, delivery_key")
			.param(incidentNumber)
			.query(ROW)
			.list();
	}

	/** The deliveries sent about any of {@code incidents}, oldest first. */
	public List<SentPage> sent(Collection<Long> incidents) {
		return this.jdbc.sql("""
				select incident_number, user_name, sent_at from notification_deliveries
				where status = 'sent' and incident_number in (:incidents) order by sent_at, delivery_key""")
			.param("incidents", incidents)
			.query((rs, n) -> new SentPage(rs.getLong("incident_number"), rs.getString("user_name"),
					Sql.instant(rs, "sent_at")))
			.list();
	}

	/**
	 * The pending deliveries due by {@code now}, per channel: how many and the due time
	 * of the oldest.
	 */
	public Map<String, GaugeReadings.Backlog> backlog(Instant now) {
		return GaugeReadings.backlogs(this.jdbc.sql("""
				select channel as backlog_key, count(*) as due, min(due_at) as oldest_due from notification_deliveries
				where status = 'pending' and due_at <= ? group by channel""").param(Sql.timestamp(now)));
	}

	private static String truncated(String error) {
		return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
	}

	/** A delivery as stored; {@code subject} is set for email only. */
	public record Row(String key, long incidentNumber, String user, String contactMethod, String channel,
			String address, String subject, String payload, Instant dueAt, int attempts, String status,
			String lastError, Instant sentAt, Instant createdAt) {
	}

}
