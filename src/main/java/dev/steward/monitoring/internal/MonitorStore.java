package dev.steward.monitoring.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import dev.steward.monitoring.Monitor;
import dev.steward.monitoring.Watch;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored monitors, keyed by service and name. */
@Repository
public class MonitorStore {

	private static final RowMapper<Monitor> ROW = (rs, n) -> new Monitor(rs.getString("service"), rs.getString("name"),
			rs.getString("title"), Keyed.fromKey(Watch.class, rs.getString("watches")).orElseThrow(),
			rs.getString("description"), rs.getString("link"), rs.getString("slo"), Sql.instant(rs, "created_at"),
			Sql.instant(rs, "updated_at"));

	private final JdbcClient jdbc;

	MonitorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Monitor> of(String service) {
		return this.jdbc.sql("select * from monitors where service = ? order by name").param(service).query(ROW).list();
	}

	/** How many monitors each service has, for services with any. */
	public Map<String, Integer> countByService() {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("select service, count(*) as monitors from monitors group by service")
			.query((rs, n) -> counts.put(rs.getString("service"), rs.getInt("monitors")))
			.list();
		return counts;
	}

	public Optional<Monitor> find(String service, String name) {
		return this.jdbc.sql("select * from monitors where service = ? and name = ?")
			.params(service, name)
			.query(ROW)
			.optional();
	}

	public void insert(Monitor monitor) {
		this.jdbc.sql("""
				insert into monitors (service, name, title, watches, description, link, slo, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(monitor.service(), monitor.name(), monitor.title(), monitor.watches().key(), monitor.description(),
					monitor.link(), monitor.slo(), Sql.timestamp(monitor.createdAt()),
					Sql.timestamp(monitor.updatedAt()))
			.update();
	}

	public void update(Monitor monitor) {
		this.jdbc.sql("""
				update monitors set title = ?, watches = ?, description = ?, link = ?, slo = ?, updated_at = ?
				where service = ? and name = ?""")
			.params(monitor.title(), monitor.watches().key(), monitor.description(), monitor.link(), monitor.slo(),
					Sql.timestamp(monitor.updatedAt()), monitor.service(), monitor.name())
			.update();
	}

	public boolean delete(String service, String name) {
		return this.jdbc.sql("delete from monitors where service = ? and name = ?").params(service, name).update() > 0;
	}

	/** Which of the service's monitors exist, for checking names a review refers to. */
	public List<String> names(String service) {
		return this.jdbc.sql("select name from monitors where service = ? order by name")
			.param(service)
			.query(String.class)
			.list();
	}

}
