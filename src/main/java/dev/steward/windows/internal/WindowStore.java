package dev.steward.windows.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored deployment windows, their environments, and the revision counter of all windows.
 */
@Repository
public class WindowStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("name"), rs.getString("title"),
			rs.getString("scope"), rs.getString("kind"), rs.getString("schedule"), rs.getString("duration"),
			Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), rs.getString("time_zone"), rs.getString("reason"),
			Sql.instant(rs, "created_at"), rs.getString("created_by"), rs.getLong("version"), new ArrayList<>());

	private final JdbcClient jdbc;

	WindowStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String name) {
		return this.jdbc.sql("select * from deployment_windows where name = ?")
			.param(name)
			.query(ROW)
			.optional()
			.map(row -> withEnvironments(List.of(row)).get(0));
	}

	public List<Row> page(List<String> scopes, String kind, String after, int limit) {
		Where where = new Where().and("kind = :kind", "kind", kind).and("name > :after", "after", after);
		if (scopes != null) {
			where.and("scope in (:scopes)", Map.of("scopes", scopes));
		}
		return withEnvironments(where.list(this.jdbc, "select * from deployment_windows", "name", limit, ROW));
	}

	public List<Row> all() {
		return withEnvironments(this.jdbc.sql("select * from deployment_windows order by name").query(ROW).list());
	}

	public long revision() {
		return this.jdbc.sql("select revision from deployment_window_revision where id = 1").query(Long.class).single();
	}

	public void insert(Row row) {
		this.jdbc.sql("""
				insert into deployment_windows (name, title, scope, scope_service, scope_product, kind, schedule,
				duration, starts_at, ends_at, time_zone, reason, created_at, created_by, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.name(), row.title(), row.scope(), scoped(row.scope(), "service:"),
					scoped(row.scope(), "product:"), row.kind(), row.schedule(), row.duration(),
					Sql.timestamp(row.start()), Sql.timestamp(row.end()), row.timeZone(), row.reason(),
					Sql.timestamp(row.createdAt()), row.createdBy())
			.update();
		replaceEnvironments(row);
	}

	public boolean update(Row row) {
		boolean updated = this.jdbc.sql("""
				update deployment_windows set title = ?, scope = ?, scope_service = ?, scope_product = ?, kind = ?,
				schedule = ?, duration = ?, starts_at = ?, ends_at = ?, time_zone = ?, reason = ?,
				version = version + 1 where name = ? and version = ?""")
			.params(row.title(), row.scope(), scoped(row.scope(), "service:"), scoped(row.scope(), "product:"),
					row.kind(), row.schedule(), row.duration(), Sql.timestamp(row.start()), Sql.timestamp(row.end()),
					row.timeZone(), row.reason(), row.name(), row.version())
			.update() == 1;
		if (updated) {
			replaceEnvironments(row);
		}
		return updated;
	}

	public void delete(String name) {
		this.jdbc.sql("delete from deployment_windows where name = ?").param(name).update();
		bumpRevision();
	}

	/** The name after {@code prefix} when the scope starts with it, else null. */
	private static String scoped(String scope, String prefix) {
		return scope.startsWith(prefix) ? scope.substring(prefix.length()) : null;
	}

	private void replaceEnvironments(Row row) {
		this.jdbc.sql("delete from deployment_window_environments where window_name = ?").param(row.name()).update();
		row.environments()
			.forEach(environment -> this.jdbc
				.sql("insert into deployment_window_environments (window_name, environment) values (?, ?)")
				.params(row.name(), environment)
				.update());
		bumpRevision();
	}

	private void bumpRevision() {
		this.jdbc.sql("update deployment_window_revision set revision = revision + 1 where id = 1").update();
	}

	private List<Row> withEnvironments(List<Row> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<String, Row> byName = new HashMap<>();
		rows.forEach(row -> byName.put(row.name(), row));
		this.jdbc.sql("""
				select window_name, environment from deployment_window_environments where window_name in (:names)
				order by environment""")
			.param("names", byName.keySet())
			.query((rs, n) -> Map.entry(rs.getString("window_name"), rs.getString("environment")))
			.list()
			.forEach(pair -> byName.get(pair.getKey()).environments().add(pair.getValue()));
		return rows;
	}

	/** A window as stored; {@code environments} are the environments it applies to. */
	public record Row(String name, String title, String scope, String kind, String schedule, String duration,
			Instant start, Instant end, String timeZone, String reason, Instant createdAt, String createdBy,
			long version, List<String> environments) {
	}

}
