package dev.steward.monitoring.internal;

import java.time.Instant;
import java.util.List;

import dev.steward.common.Sql;
import dev.steward.common.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminders of overdue reviews that were sent: one per service, due date and round (0
 * when the review falls due, 1 a cadence later, …).
 */
@Repository
public class ReminderStore {

	private final JdbcClient jdbc;

	ReminderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean sent(String service, Instant due, int round) {
		return this.jdbc.sql("""
				select count(*) from monitoring_reminders where service = ? and due_at = ? and round_number = ?""")
			.params(service, Sql.timestamp(due), round)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims a reminder: fails with a duplicate key while another transaction holds or
	 * has committed the same one.
	 */
	public void record(String service, Instant due, int round, Instant sentAt, List<String> recipients) {
		this.jdbc.sql("""
				insert into monitoring_reminders (service, due_at, round_number, sent_at, recipients)
				values (?, ?, ?, ?, ?)""")
			.params(service, Sql.timestamp(due), round, Sql.timestamp(sentAt),
					Text.truncate(String.join(", ", recipients), 4000))
			.update();
	}

}
