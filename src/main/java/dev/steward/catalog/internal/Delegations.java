package dev.steward.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.steward.catalog.Aspect;
import dev.steward.catalog.DelegationStatus;
import dev.steward.catalog.Responsibility;
import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored delegations of aspects to teams other than the owner; an aspect without a row is
 * handled by the owner.
 */
@Repository
public class Delegations {

	private final JdbcClient jdbc;

	Delegations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One delegated aspect. */
	public record Row(String service, Aspect aspect, String handledBy, DelegationStatus status) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString("service"), Keyed.fromKey(Aspect.class, rs.getString("aspect")).orElseThrow(),
				rs.getString("handled_by"),
				Keyed.fromKey(DelegationStatus.class, rs.getString("status")).orElseThrow());
	}

	public Map<Aspect, Row> of(String service) {
		Map<Aspect, Row> result = new EnumMap<>(Aspect.class);
		this.jdbc.sql("select * from delegations where service = ?")
			.param(service)
			.query(Delegations::row)
			.list()
			.forEach(row -> result.put(row.aspect(), row));
		return result;
	}

	/**
	 * Every delegated aspect of every service as a responsibility row (with the service's
	 * owner as accountable), by service.
	 */
	public Map<String, List<Responsibility>> all() {
		Map<String, List<Responsibility>> result = new LinkedHashMap<>();
		this.jdbc.sql("""
				select d.*, s.owner from delegations d join services s on s.name = d.service
				order by d.service, d.aspect""").query((rs, n) -> {
			Row row = row(rs, n);
			return Map.entry(row.service(),
					new Responsibility(row.aspect(), row.handledBy(), rs.getString("owner"), row.status()));
		})
			.list()
			.forEach(entry -> result.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		return result;
	}

	public List<Row> handledBy(String team) {
		return this.jdbc.sql("select * from delegations where handled_by = ? order by service, aspect")
			.param(team)
			.query(Delegations::row)
			.list();
	}

	public void put(String service, Aspect aspect, String team, DelegationStatus status, Instant at) {
		remove(service, aspect);
		this.jdbc
			.sql("insert into delegations (service, aspect, handled_by, status, updated_at) values (?, ?, ?, ?, ?)")
			.params(service, aspect.key(), team, status.key(), Sql.timestamp(at))
			.update();
	}

	public void remove(String service, Aspect aspect) {
		this.jdbc.sql("delete from delegations where service = ? and aspect = ?")
			.params(service, aspect.key())
			.update();
	}

	/**
	 * Drops delegations to a team that has become the owner: it now handles them as
	 * owner.
	 */
	public void removeTo(String service, String team) {
		this.jdbc.sql("delete from delegations where service = ? and handled_by = ?").params(service, team).update();
	}

}
