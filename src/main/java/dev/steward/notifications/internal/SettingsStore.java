package dev.steward.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored contact methods and notification rules of users. */
@Repository
public class SettingsStore {

	private static final RowMapper<Method> METHOD = (rs, n) -> new Method(rs.getString("name"), rs.getString("type"),
			rs.getString("address"));

	private static final RowMapper<Rule> RULE = (rs, n) -> new Rule(Duration.parse(rs.getString("delay")),
			rs.getString("contact_method"), rs.getString("urgency"));

	private final JdbcClient jdbc;

	SettingsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Method> methods(String user) {
		return this.jdbc.sql("select * from contact_methods where user_name = ? order by name")
			.param(user)
			.query(METHOD)
			.list();
	}

	public Optional<Method> method(String user, String name) {
		return this.jdbc.sql("select * from contact_methods where user_name = ? and name = ?")
			.params(user, name)
			.query(METHOD)
			.optional();
	}

	/** Creates or replaces a contact method; answers whether it is new. */
	public boolean putMethod(String user, Method method, Instant at) {
		if (this.jdbc.sql("update contact_methods set type = ?, address = ? where user_name = ? and name = ?")
			.params(method.type(), method.address(), user, method.name())
			.update() == 1) {
			return false;
		}
		this.jdbc.sql("insert into contact_methods (user_name, name, type, address, created_at) values (?, ?, ?, ?, ?)")
			.params(user, method.name(), method.type(), method.address(), Sql.timestamp(at))
			.update();
		return true;
	}

	public boolean deleteMethod(String user, String name) {
		return this.jdbc.sql("delete from contact_methods where user_name = ? and name = ?")
			.params(user, name)
			.update() == 1;
	}

	/** The user's stored rules in order; empty when they have none. */
	public List<Rule> rules(String user) {
		return this.jdbc.sql("select * from notification_rules where user_name = ? order by rule_index")
			.param(user)
			.query(RULE)
			.list();
	}

	public void replaceRules(String user, List<Rule> rules) {
		this.jdbc.sql("delete from notification_rules where user_name = ?").param(user).update();
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			this.jdbc.sql("""
					insert into notification_rules (user_name, rule_index, delay, contact_method, urgency)
					values (?, ?, ?, ?, ?)""")
				.params(user, i, rule.after().toString(), rule.contactMethod(), rule.urgency())
				.update();
		}
	}

	/** A contact method as stored, with its full address. */
	public record Method(String name, String type, String address) {
	}

	/** A notification rule; {@code urgency} is {@code null} for either. */
	public record Rule(Duration after, String contactMethod, String urgency) {

		public boolean matches(String notificationUrgency) {
			return this.urgency == null || this.urgency.equals(notificationUrgency);
		}

	}

}
