package dev.steward.oncall.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored escalation policies, what their levels target, and which service uses which. */
@Repository
public class PolicyStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("name"), rs.getString("team"),
			rs.getString("title"), rs.getString("description"), rs.getInt("repeat_count"), rs.getString("levels"),
			Sql.instant(rs, "created_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	PolicyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String name) {
		return this.jdbc.sql("select * from escalation_policies where name = ?").param(name).query(ROW).optional();
	}

	public List<Row> page(String team, String after, int limit) {
		return new Where().and("team = :team", "team", team)
			.and("name > :after", "after", after)
			.list(this.jdbc, "select * from escalation_policies", "name", limit, ROW);
	}

	public void insert(Row row) {
		this.jdbc.sql("""
				insert into escalation_policies (name, team, title, description, repeat_count, levels, created_at,
				version) values (?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.name(), row.team(), row.title(), row.description(), row.repeat(), row.levels(),
					Sql.timestamp(row.createdAt()))
			.update();
	}

	public boolean update(Row row) {
		return this.jdbc.sql("""
				update escalation_policies set team = ?, title = ?, description = ?, repeat_count = ?, levels = ?,
				version = version + 1 where name = ? and version = ?""")
			.params(row.team(), row.title(), row.description(), row.repeat(), row.levels(), row.name(), row.version())
			.update() == 1;
	}

	public void delete(String name) {
		this.jdbc.sql("delete from escalation_policies where name = ?").param(name).update();
	}

	public void replaceTargets(String policy, Collection<String> schedules, Collection<String> users) {
		this.jdbc.sql("delete from escalation_policy_schedules where policy = ?").param(policy).update();
		this.jdbc.sql("delete from escalation_policy_users where policy = ?").param(policy).update();
		schedules.forEach(
				schedule -> this.jdbc.sql("insert into escalation_policy_schedules (policy, schedule) values (?, ?)")
					.params(policy, schedule)
					.update());
		users.forEach(user -> this.jdbc.sql("insert into escalation_policy_users (policy, user_name) values (?, ?)")
			.params(policy, user)
			.update());
	}

	public List<String> targeting(String schedule) {
		return this.jdbc.sql("select policy from escalation_policy_schedules where schedule = ? order by policy")
			.param(schedule)
			.query(String.class)
			.list();
	}

	public List<String> servicesUsing(String policy) {
		return this.jdbc.sql("select service from service_escalation_policies where policy = ? order by service")
			.param(policy)
			.query(String.class)
			.list();
	}

	public Optional<String> policyOf(String service) {
		return this.jdbc.sql("select policy from service_escalation_policies where service = ?")
			.param(service)
			.query(String.class)
			.optional();
	}

	public void assign(String service, String policy, Instant at) {
		if (this.jdbc.sql("update service_escalation_policies set policy = ?, assigned_at = ? where service = ?")
			.params(policy, Sql.timestamp(at), service)
			.update() == 0) {
			this.jdbc.sql("insert into service_escalation_policies (service, policy, assigned_at) values (?, ?, ?)")
				.params(service, policy, Sql.timestamp(at))
				.update();
		}
	}

	public void unassign(String service) {
		this.jdbc.sql("delete from service_escalation_policies where service = ?").param(service).update();
	}

	/** Every service that names a policy, with the policy, by service name. */
	public List<Assignment> assignments() {
		return this.jdbc.sql("select service, policy from service_escalation_policies order by service")
			.query((rs, n) -> new Assignment(rs.getString("service"), rs.getString("policy")))
			.list();
	}

	/** An escalation policy as stored; {@code levels} is the JSON of its level list. */
	public record Row(String name, String team, String title, String description, int repeat, String levels,
			Instant createdAt, long version) {
	}

	/** A service and the policy it names. */
	public record Assignment(String service, String policy) {
	}

}
