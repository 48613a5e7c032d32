package dev.steward.catalog.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.steward.catalog.UserEntry;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored users. */
@Repository
public class Users {

	private static final RowMapper<UserEntry> ROW = (rs, n) -> new UserEntry(rs.getString("name"),
			rs.getString("display_name"), rs.getString("email"), rs.getString("time_zone"), rs.getBoolean("admin"),
			Sql.instant(rs, "created_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UserEntry> find(String name) {
		return this.jdbc.sql("select * from users where name = ?").param(name).query(ROW).optional();
	}

	public List<String> missing(Collection<String> names) {
		return Sql.missing(this.jdbc, "users", names);
	}

	public boolean exists(String name) {
		return find(name).isPresent();
	}

	public List<UserEntry> page(String after, int limit) {
		return new Where().and("name > :after", "after", after)
			.list(this.jdbc, "select * from users", "name", limit, ROW);
	}

	public void insert(String name, String displayName, String email, String timeZone, Instant at) {
		this.jdbc.sql("""
				insert into users (name, display_name, email, time_zone, created_at, version)
				values (?, ?, ?, ?, ?, 1)""").params(name, displayName, email, timeZone, Sql.timestamp(at)).update();
	}

	public void setAdmin(String name, boolean admin) {
		this.jdbc.sql("update users set admin = ?, version = version + 1 where name = ?").params(admin, name).update();
	}

	public boolean update(String name, long version, String displayName, String email, String timeZone) {
		return this.jdbc.sql("""
				update users set display_name = ?, email = ?, time_zone = ?, version = version + 1
				where name = ? and version = ?""").params(displayName, email, timeZone, name, version).update() == 1;
	}

}
