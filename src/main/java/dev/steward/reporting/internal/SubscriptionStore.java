package dev.steward.reporting.internal;

import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.reporting.DigestSubscription;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored digest subscriptions, keyed by user and scope. */
@Repository
public class SubscriptionStore {

	private static final RowMapper<DigestSubscription> ROW = (rs, n) -> new DigestSubscription(
			rs.getString("user_name"), rs.getString("scope"), rs.getString("team"), Sql.instant(rs, "created_at"));

	private final JdbcClient jdbc;

	SubscriptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<DigestSubscription> find(String user, String scope) {
		return this.jdbc.sql("select * from digest_subscriptions where user_name = ? and scope = ?")
			.params(user, scope)
			.query(ROW)
			.optional();
	}

	public List<DigestSubscription> ofUser(String user) {
		return this.jdbc.sql("select * from digest_subscriptions where user_name = ? order by scope")
			.param(user)
			.query(ROW)
			.list();
	}

	public List<DigestSubscription> ofTeam(String team) {
		return this.jdbc.sql("select * from digest_subscriptions where team = ? order by user_name")
			.param(team)
			.query(ROW)
			.list();
	}

	public List<DigestSubscription> all() {
		return this.jdbc.sql("select * from digest_subscriptions order by scope, user_name").query(ROW).list();
	}

	public void insert(DigestSubscription subscription) {
		this.jdbc.sql("insert into digest_subscriptions (user_name, scope, team, created_at) values (?, ?, ?, ?)")
			.params(subscription.user(), subscription.scope(), subscription.team(),
					Sql.timestamp(subscription.createdAt()))
			.update();
	}

	public boolean delete(String user, String scope) {
		return this.jdbc.sql("delete from digest_subscriptions where user_name = ? and scope = ?")
			.params(user, scope)
			.update() > 0;
	}

}
