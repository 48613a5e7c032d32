package dev.steward.oncall.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import dev.steward.oncall.ScheduleOverride;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stored schedules, the users their layers name, and their overrides. */
@Repository
public class ScheduleStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("name"), rs.getString("team"),
			rs.getString("title"), rs.getString("description"), rs.getString("time_zone"), rs.getString("layers"),
			Sql.instant(rs, "created_at"), rs.getLong("version"));

	private static final RowMapper<ScheduleOverride> OVERRIDE = (rs, n) -> new ScheduleOverride(rs.getLong("id"),
			rs.getString("schedule"), rs.getString("user_name"), Sql.instant(rs, "starts_at"),
			Sql.instant(rs, "ends_at"), Sql.instant(rs, "created_at"), rs.getString("created_by"));

	private final JdbcClient jdbc;

	ScheduleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String name) {
		return this.jdbc.sql("select * from schedules where name = ?").param(name).query(ROW).optional();
	}

	public List<String> missing(Collection<String> names) {
		return Sql.missing(this.jdbc, "schedules", names);
	}

	public List<Row> page(String team, String after, int limit) {
		return new Where().and("team = :team", "team", team)
			.and("name > :after", "after", after)
			.list(this.jdbc, "select * from schedules", "name", limit, ROW);
	}

	public List<Row> named(Collection<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from schedules where name in (:names) order by name")
			.param("names", names)
			.query(ROW)
			.list();
	}

	public void insert(Row row) {
		this.jdbc.sql("""
				insert into schedules (name, team, title, description, time_zone, layers, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.name(), row.team(), row.title(), row.description(), row.timeZone(), row.layers(),
					Sql.timestamp(row.createdAt()))
			.update();
	}

	public boolean update(Row row) {
		return this.jdbc.sql("""
				update schedules set team = ?, title = ?, description = ?, time_zone = ?, layers = ?,
				version = version + 1 where name = ? and version = ?""")
			.params(row.team(), row.title(), row.description(), row.timeZone(), row.layers(), row.name(), row.version())
			.update() == 1;
	}

	public void delete(String name) {
		this.jdbc.sql("delete from schedules where name = ?").param(name).update();
	}

	public void replaceMembers(String schedule, Collection<String> users) {
		this.jdbc.sql("delete from schedule_members where schedule = ?").param(schedule).update();
		for (String user : users) {
			this.jdbc.sql("insert into schedule_members (schedule, user_name) values (?, ?)")
				.params(schedule, user)
				.update();
		}
	}

	/**
	 * The schedules that can put a user on call after an instant: their layers name the
	 * user, or an override does.
	 */
	public List<String> mentioning(String user, Instant after) {
		return this.jdbc.sql("""
				select schedule from schedule_members where user_name = :user
				union
				select schedule from schedule_overrides where user_name = :user and ends_at > :after""")
			.param("user", user)
			.param("after", Sql.timestamp(after))
			.query(String.class)
			.list()
			.stream()
			.sorted()
			.toList();
	}

	public List<ScheduleOverride> overrides(String schedule, Instant since, Instant until) {
		return this.jdbc.sql("""
				select * from schedule_overrides where schedule = ? and ends_at > ? and starts_at < ?
				order by id""").params(schedule, Sql.timestamp(since), Sql.timestamp(until)).query(OVERRIDE).list();
	}

	public Optional<ScheduleOverride> override(String schedule, long id) {
		return this.jdbc.sql("select * from schedule_overrides where schedule = ? and id = ?")
			.params(schedule, id)
			.query(OVERRIDE)
			.optional();
	}

	public long insertOverride(String schedule, String user, Instant start, Instant end, Instant at, String by) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into schedule_overrides (schedule, user_name, starts_at, ends_at, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(schedule, user, Sql.timestamp(start), Sql.timestamp(end), Sql.timestamp(at), by)
			.update(key, "id");
		return key.getKey().longValue();
	}

	public void deleteOverride(long id) {
		this.jdbc.sql("delete from schedule_overrides where id = ?").param(id).update();
	}

	/** A schedule as stored; {@code layers} is the JSON of its layer list. */
	public record Row(String name, String team, String title, String description, String timeZone, String layers,
			Instant createdAt, long version) {
	}

}
