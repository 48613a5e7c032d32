package dev.steward.slas.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored SLO definitions and the alert each is in. */
@Repository
public class SloStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("service"),
			rs.getString("name"), rs.getString("title"), rs.getString("indicator"), rs.getDouble("objective"),
			rs.getString("time_window"), rs.getInt("window_minutes"), rs.getString("latency_threshold"),
			rs.getString("description"), rs.getString("prometheus_url"), rs.getString("good_query"),
			rs.getString("total_query"), rs.getString("alert"), Sql.instant(rs, "alert_since"),
			Sql.instant(rs, "created_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	SloStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String service, String name) {
		return this.jdbc.sql("select * from slos where service = ? and name = ?")
			.params(service, name)
			.query(ROW)
			.optional();
	}

	/**
	 * The SLO, locked until the transaction ends (samples and evaluation of one SLO queue
	 * up).
	 */
	public Optional<Row> lock(long id) {
		return this.jdbc.sql("select * from slos where id = ? for update").param(id).query(ROW).optional();
	}

	public List<Row> ofService(String service) {
		return this.jdbc.sql("select * from slos where service = ? order by name").param(service).query(ROW).list();
	}

	/** Every SLO, by id. */
	public List<Row> all() {
		return this.jdbc.sql("select * from slos order by id").query(ROW).list();
	}

	public long insert(Row row) {
		this.jdbc.sql("""
				insert into slos (service, name, title, indicator, objective, time_window, window_minutes,
				latency_threshold, description, prometheus_url, good_query, total_query, alert, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'none', ?, 1)""")
			.params(row.service(), row.name(), row.title(), row.indicator(), row.objective(), row.window(),
					row.windowMinutes(), row.latencyThreshold(), row.description(), row.prometheusUrl(),
					row.goodQuery(), row.totalQuery(), Sql.timestamp(row.createdAt()))
			.update();
		return find(row.service(), row.name()).orElseThrow().id();
	}

	public boolean update(Row row) {
		return this.jdbc.sql("""
				update slos set title = ?, indicator = ?, objective = ?, time_window = ?, window_minutes = ?,
				latency_threshold = ?, description = ?, prometheus_url = ?, good_query = ?, total_query = ?,
				version = version + 1 where id = ? and version = ?""")
			.params(row.title(), row.indicator(), row.objective(), row.window(), row.windowMinutes(),
					row.latencyThreshold(), row.description(), row.prometheusUrl(), row.goodQuery(), row.totalQuery(),
					row.id(), row.version())
			.update() == 1;
	}

	public void setAlert(long id, String alert, Instant since) {
		this.jdbc.sql("update slos set alert = ?, alert_since = ? where id = ?")
			.params(alert, Sql.timestamp(since), id)
			.update();
	}

	public void delete(long id) {
		this.jdbc.sql("delete from slos where id = ?").param(id).update();
	}

	/**
	 * An SLO as stored; {@code window} is ISO-8601, {@code windowMinutes} the same in
	 * minutes.
	 */
	public record Row(long id, String service, String name, String title, String indicator, double objective,
			String window, int windowMinutes, String latencyThreshold, String description, String prometheusUrl,
			String goodQuery, String totalQuery, String alert, Instant alertSince, Instant createdAt, long version) {
	}

}
