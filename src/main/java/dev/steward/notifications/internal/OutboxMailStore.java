package dev.steward.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Text;
import dev.steward.notifications.OutboxMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Planned and sent mail to teams and users, one row per message key. */
@Repository
public class OutboxMailStore {

	static final String PENDING = "pending";

	private static final RowMapper<OutboxMessage> ROW = (rs, n) -> new OutboxMessage(rs.getString("mail_key"),
			rs.getString("team"), rs.getString("user_name"), rs.getString("subject"), rs.getString("body"),
			rs.getString("status"), rs.getInt("attempts"), rs.getString("recipients"), rs.getString("last_error"),
			Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"));

	private final JdbcClient jdbc;

	OutboxMailStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a pending message unless its key is taken (also by a concurrent insert, from
	 * this node or another); answers whether it stored it.
	 */
	public boolean insert(String key, String team, String user, String subject, String body, Instant at) {
		try {
			return this.jdbc
				.sql("""
						insert into outbox_mails (mail_key, team, user_name, subject, body, status, attempts, created_at)
						select ?, ?, ?, ?, ?, 'pending', 0, ? where not exists (select 1 from outbox_mails where mail_key = ?)""")
				.params(key, team, user, subject, body, Sql.timestamp(at), key)
				.update() > 0;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public List<OutboxMessage> toTeam(String team) {
		return this.jdbc.sql("select * from outbox_mails where team = ? order by created_at desc, mail_key")
			.param(team)
			.query(ROW)
			.list();
	}

	public List<OutboxMessage> toUser(String user) {
		return this.jdbc.sql("select * from outbox_mails where user_name = ? order by created_at desc, mail_key")
			.param(user)
			.query(ROW)
			.list();
	}

	/** The message, its row held until the transaction ends. */
	Optional<OutboxMessage> lock(String key) {
		return this.jdbc.sql("select * from outbox_mails where mail_key = ? for update")
			.param(key)
			.query(ROW)
			.optional();
	}

	void sent(String key, int attempts, List<String> recipients, Instant at) {
		this.jdbc.sql(
				"update outbox_mails set status = 'sent', attempts = ?, recipients = ?, sent_at = ? where mail_key = ?")
			.params(attempts, Text.truncate(String.join(", ", recipients), 4000), Sql.timestamp(at), key)
			.update();
	}

	void failed(String key, int attempts, String error, boolean last) {
		this.jdbc.sql("update outbox_mails set status = ?, attempts = ?, last_error = ? where mail_key = ?")
			.params(last ? "failed" : PENDING, attempts, Text.truncate(error, 1000), key)
			.update();
	}

}
