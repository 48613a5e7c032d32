package dev.steward.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.catalog.Transfer;
import dev.steward.catalog.TransferStatus;
import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored ownership transfers. */
@Repository
public class Transfers {

	private final JdbcClient jdbc;

	Transfers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Transfer row(ResultSet rs, int n) throws SQLException {
		return new Transfer(rs.getString("id"), rs.getString("service"), rs.getString("from_team"),
				rs.getString("to_team"), rs.getString("note"),
				Keyed.fromKey(TransferStatus.class, rs.getString("status")).orElseThrow(), rs.getString("proposed_by"),
				Sql.instant(rs, "proposed_at"), rs.getString("decided_by"), Sql.instant(rs, "decided_at"));
	}

	public Optional<Transfer> find(String service, String id) {
		return this.jdbc.sql("select * from transfers where service = ? and id = ?")
			.params(service, id)
			.query(Transfers::row)
			.optional();
	}

	public List<Transfer> of(String service) {
		return this.jdbc.sql("select * from transfers where service = ? order by proposed_at desc, id")
			.param(service)
			.query(Transfers::row)
			.list();
	}

	public Optional<Transfer> pending(String service) {
		return this.jdbc.sql("select * from transfers where service = ? and status = 'pending'")
			.param(service)
			.query(Transfers::row)
			.optional();
	}

	public void insert(Transfer transfer) {
		this.jdbc.sql("""
				insert into transfers (id, service, from_team, to_team, note, status, proposed_by, proposed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(transfer.id(), transfer.service(), transfer.fromTeam(), transfer.toTeam(), transfer.note(),
					transfer.status().key(), transfer.proposedBy(), Sql.timestamp(transfer.proposedAt()))
			.update();
	}

	/**
	 * Moves a pending transfer to its outcome; answers false if it was no longer pending.
	 */
	public boolean decide(String id, TransferStatus outcome, String actor, Instant at) {
		return this.jdbc.sql("""
				update transfers set status = ?, decided_by = ?, decided_at = ?
				where id = ? and status = 'pending'""")
			.params(outcome.key(), actor, Sql.timestamp(at), id)
			.update() == 1;
	}

	/** Cancels pending transfers towards a team that is being deleted. */
	public void cancelPendingTo(String team, String actor, Instant at) {
		this.jdbc.sql("""
				update transfers set status = 'cancelled', decided_by = ?, decided_at = ?
				where to_team = ? and status = 'pending'""").params(actor, Sql.timestamp(at), team).update();
	}

}
