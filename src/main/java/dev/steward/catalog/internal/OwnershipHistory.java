package dev.steward.catalog.internal;

import java.util.List;

import dev.steward.catalog.OwnershipChange;
import dev.steward.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded owners of each service over time. */
@Repository
public class OwnershipHistory {

	private final JdbcClient jdbc;

	OwnershipHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void append(String service, OwnershipChange change) {
		this.jdbc.sql("""
				insert into ownership_history (service, at, from_team, to_team, actor, transfer_id, note)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(service, Sql.timestamp(change.at()), change.fromTeam(), change.toTeam(), change.actor(),
					change.transferId(), change.note())
			.update();
	}

	public List<OwnershipChange> of(String service) {
		return this.jdbc.sql("select * from ownership_history where service = ? order by id")
			.param(service)
			.query((rs, n) -> new OwnershipChange(Sql.instant(rs, "at"), rs.getString("from_team"),
					rs.getString("to_team"), rs.getString("actor"), rs.getString("transfer_id"), rs.getString("note")))
			.list();
	}

}
