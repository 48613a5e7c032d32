package dev.steward.deployments.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored service instances: a service in one environment. */
@Repository
public class InstanceStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("service"), rs.getString("environment"),
			rs.getString("url"), rs.getString("region"), rs.getString("nodes"), rs.getString("current_version"),
			Sql.instant(rs, "updated_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	InstanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String service, String environment) {
		return this.jdbc.sql("select * from service_instances where service = ? and environment = ?")
			.params(service, environment)
			.query(ROW)
			.optional();
	}

	public List<Row> ofService(String service) {
		return this.jdbc.sql("""
				select i.* from service_instances i join environments e on e.name = i.environment
				where i.service = ? order by e.position""").param(service).query(ROW).list();
	}

	/**
	 * The instances in any of {@code environments}, of one service or (when
	 * {@code service} is null) of all.
	 */
	public List<Row> inEnvironments(Collection<String> environments, String service) {
		if (environments.isEmpty()) {
			return List.of();
		}
		return new Where().and("service = :service", "service", service)
			.and("environment in (:environments)", Map.of("environments", environments))
			.list(this.jdbc, "select * from service_instances", "service, environment", Integer.MAX_VALUE, ROW);
	}

	/** Creates or replaces the instance; answers whether it was created. */
	public boolean upsert(Row row) {
		if (this.jdbc.sql("""
				update service_instances set url = ?, region = ?, nodes = ?, updated_at = ?, version = version + 1
				where service = ? and environment = ?""")
			.params(row.url(), row.region(), row.nodes(), Sql.timestamp(row.updatedAt()), row.service(),
					row.environment())
			.update() == 1) {
			return false;
		}
		this.jdbc.sql("""
				insert into service_instances (service, environment, url, region, nodes, current_version, updated_at,
				version) values (?, ?, ?, ?, ?, null, ?, 1)""")
			.params(row.service(), row.environment(), row.url(), row.region(), row.nodes(),
					Sql.timestamp(row.updatedAt()))
			.update();
		return true;
	}

	/** Records the version now running, creating a bare instance when there is none. */
	public void setCurrentVersion(String service, String environment, String version, Instant at) {
		if (this.jdbc.sql("""
				update service_instances set current_version = ?, updated_at = ?, version = version + 1
				where service = ? and environment = ?""")
			.params(version, Sql.timestamp(at), service, environment)
			.update() == 0) {
			this.jdbc.sql("""
					insert into service_instances (service, environment, nodes, current_version, updated_at, version)
					values (?, ?, '[]', ?, ?, 1)""").params(service, environment, version, Sql.timestamp(at)).update();
		}
	}

	public boolean delete(String service, String environment) {
		return this.jdbc.sql("delete from service_instances where service = ? and environment = ?")
			.params(service, environment)
			.update() == 1;
	}

	/** An instance as stored; {@code nodes} is the JSON list of node names. */
	public record Row(String service, String environment, String url, String region, String nodes,
			String currentVersion, Instant updatedAt, long version) {
	}

}
