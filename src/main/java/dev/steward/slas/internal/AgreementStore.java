package dev.steward.slas.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stored SLA agreements: each with the objectives of every version, its history and its
 * breach episodes.
 */
@Repository
public class AgreementStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("provider"),
			rs.getString("consumer"), rs.getString("status"), rs.getInt("version"), rs.getString("proposed_side"),
			rs.getString("proposed_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "accepted_at"),
			rs.getString("accepted_by"), rs.getLong("revision"));

	private static final RowMapper<ObjectiveRow> OBJECTIVE = (rs, n) -> new ObjectiveRow(rs.getInt("version"),
			rs.getInt("position"), rs.getString("indicator"), rs.getDouble("objective"), rs.getString("time_window"),
			rs.getInt("window_minutes"));

	private static final RowMapper<StepRow> STEP = (rs, n) -> new StepRow(rs.getInt("version"), rs.getString("action"),
			rs.getString("side"), rs.getString("actor"), Sql.instant(rs, "at"), rs.getString("note"));

	private static final RowMapper<BreachRow> BREACH = (rs, n) -> new BreachRow(rs.getLong("id"),
			rs.getLong("agreement_id"), rs.getInt("position"), rs.getString("indicator"), rs.getDouble("objective"),
			rs.getString("time_window"), Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at"),
			rs.getDouble("sli"), rs.getDouble("worst_sli"));

	private final JdbcClient jdbc;

	AgreementStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(long id) {
		return this.jdbc.sql("select * from sla_agreements where id = ?").param(id).query(ROW).optional();
	}

	/** The agreement, locked until the transaction ends. */
	public Optional<Row> lock(long id) {
		return this.jdbc.sql("select * from sla_agreements where id = ? for update").param(id).query(ROW).optional();
	}

	/**
	 * Agreements newest first: of one service (either side) or, with {@code service}
	 * null, all; optionally of one status; {@code before} an id to page on from.
	 */
	public List<Row> page(String service, String status, Long before, int limit) {
		return new Where().and("(provider = :service or consumer = :service)", "service", service)
			.and("status = :status", "status", status)
			.and("id < :before", "before", before)
			.list(this.jdbc, "select * from sla_agreements", "id desc", limit, ROW);
	}

	/** The active agreement of the pair, locked, if there is one. */
	public Optional<Row> lockActive(String provider, String consumer) {
		return this.jdbc.sql("select * from sla_agreements where active_pair = ? for update")
			.param(pair(provider, consumer))
			.query(ROW)
			.optional();
	}

	/** The proposal under negotiation for the pair, if there is one. */
	public Optional<Row> findProposal(String provider, String consumer) {
		return this.jdbc.sql("select * from sla_agreements where proposal_pair = ?")
			.param(pair(provider, consumer))
			.query(ROW)
			.optional();
	}

	/** Every active agreement, by id. */
	public List<Row> active() {
		return this.jdbc.sql("select * from sla_agreements where status = 'active' order by id").query(ROW).list();
	}

	/** Stores a new proposal (version 1) and answers its id. */
	public long insert(String provider, String consumer, String side, String user, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into sla_agreements (provider, consumer, status, version, proposed_side, proposed_by, created_at,
				proposal_pair, revision) values (?, ?, 'proposed', 1, ?, ?, ?, ?, 1)""")
			.params(provider, consumer, side, user, Sql.timestamp(at), pair(provider, consumer))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Makes the next version the proposal of {@code side}. */
	public void counter(long id, int version, String side, String user) {
		this.jdbc.sql("""
				update sla_agreements set version = ?, proposed_side = ?, proposed_by = ?, revision = revision + 1
				where id = ?""").params(version, side, user, id).update();
	}

	/** Puts the agreement in force. */
	public void activate(Row row, String user, Instant at) {
		this.jdbc.sql("""
				update sla_agreements set status = 'active', accepted_at = ?, accepted_by = ?, proposal_pair = null,
				active_pair = ?, revision = revision + 1 where id = ?""")
			.params(Sql.timestamp(at), user, pair(row.provider(), row.consumer()), row.id())
			.update();
	}

	/** Ends the agreement (superseded or withdrawn): no longer proposed nor in force. */
	public void end(long id, String status) {
		this.jdbc.sql("""
				update sla_agreements set status = ?, proposal_pair = null, active_pair = null, revision = revision + 1
				where id = ?""").params(status, id).update();
	}

	public void addObjective(long id, int version, ObjectiveRow objective) {
		this.jdbc
			.sql("""
					insert into sla_agreement_objectives (agreement_id, version, position, indicator, objective, time_window,
					window_minutes) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, version, objective.position(), objective.indicator(), objective.objective(), objective.window(),
					objective.windowMinutes())
			.update();
	}

	/** The objectives of every version of the agreement, by version and position. */
	public List<ObjectiveRow> objectives(long id) {
		return this.jdbc.sql("select * from sla_agreement_objectives where agreement_id = ? order by version, position")
			.param(id)
			.query(OBJECTIVE)
			.list();
	}

	/** The objectives of one version of the agreement, in order. */
	public List<ObjectiveRow> objectives(long id, int version) {
		return this.jdbc
			.sql("select * from sla_agreement_objectives where agreement_id = ? and version = ? order by position")
			.params(id, version)
			.query(OBJECTIVE)
			.list();
	}

	public void addStep(long id, StepRow step) {
		this.jdbc.sql("""
				insert into sla_agreement_history (agreement_id, version, action, side, actor, at, note)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, step.version(), step.action(), step.side(), step.actor(), Sql.timestamp(step.at()), step.note())
			.update();
	}

	/** The agreement's history, oldest first. */
	public List<StepRow> history(long id) {
		return this.jdbc.sql("select * from sla_agreement_history where agreement_id = ? order by id")
			.param(id)
			.query(STEP)
			.list();
	}

	/** The agreement's breach episodes, newest first. */
	public List<BreachRow> breaches(long id) {
		return this.jdbc.sql("select * from sla_breaches where agreement_id = ? order by started_at desc, id desc")
			.param(id)
			.query(BREACH)
			.list();
	}

	/**
	 * Breach episodes of agreements with the service on either side that overlap
	 * {@code [from, until)}, oldest first.
	 */
	public List<BreachRow> breachesOf(String service, Instant from, Instant until) {
		return this.jdbc.sql("""
				select b.* from sla_breaches b join sla_agreements a on a.id = b.agreement_id
				where (a.provider = ? or a.consumer = ?) and b.started_at < ? and (b.ended_at is null or b.ended_at > ?)
				order by b.started_at, b.id""")
			.params(service, service, Sql.timestamp(until), Sql.timestamp(from))
			.query(BREACH)
			.list();
	}

	/** The open breach episodes of the agreement. */
	public List<BreachRow> openBreaches(long id) {
		return this.jdbc.sql("select * from sla_breaches where agreement_id = ? and ended_at is null")
			.param(id)
			.query(BREACH)
			.list();
	}

	public void openBreach(long id, ObjectiveRow objective, Instant at, double sli) {
		this.jdbc.sql("""
				insert into sla_breaches (agreement_id, position, indicator, objective, time_window, started_at, sli,
				worst_sli) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, objective.position(), objective.indicator(), objective.objective(), objective.window(),
					Sql.timestamp(at), sli, sli)
			.update();
	}

	/** Notes a lower SLI of an open episode. */
	public void worsen(long breach, double sli) {
		this.jdbc.sql("update sla_breaches set worst_sli = least(worst_sli, ?) where id = ?")
			.params(sli, breach)
			.update();
	}

	public void closeBreach(long breach, Instant at) {
		this.jdbc.sql("update sla_breaches set ended_at = ? where id = ? and ended_at is null")
			.params(Sql.timestamp(at), breach)
			.update();
	}

	/** Ends the open episodes of agreements no longer in force; answers how many. */
	public int closeBreachesOfEnded(Instant at) {
		return this.jdbc.sql("""
				update sla_breaches set ended_at = ? where ended_at is null
				and agreement_id in (select id from sla_agreements where status <> 'active')""")
			.param(Sql.timestamp(at))
			.update();
	}

	private static String pair(String provider, String consumer) {
		return provider + " " + consumer;
	}

	/** An agreement as stored: its current version and who proposed it. */
	public record Row(long id, String provider, String consumer, String status, int version, String proposedSide,
			String proposedBy, Instant createdAt, Instant acceptedAt, String acceptedBy, long revision) {
	}

	/** One objective of one version; {@code window} ISO-8601, the same in minutes. */
	public record ObjectiveRow(int version, int position, String indicator, double objective, String window,
			int windowMinutes) {
	}

	/** One step of an agreement's history. */
	public record StepRow(int version, String action, String side, String actor, Instant at, String note) {
	}

	/** One breach episode of one objective. */
	public record BreachRow(long id, long agreementId, int position, String indicator, double objective, String window,
			Instant startedAt, Instant endedAt, double sli, double worstSli) {
	}

}
