package dev.steward.changes.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.changes.ChangeCount;
import dev.steward.changes.ChangeStatus;
import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stored change requests with their approvals and history. */
@Repository
public class ChangeStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("service"),
			rs.getString("title"), rs.getString("category"), rs.getString("description"), rs.getString("risk"),
			rs.getString("implementer"), rs.getString("environment"), Sql.instant(rs, "planned_start"),
			Sql.instant(rs, "planned_end"), rs.getString("rollback_plan"), rs.getString("emergency_justification"),
			rs.getObject("emergency_incident", Long.class), rs.getString("status"), rs.getString("gate"),
			rs.getString("outcome"), rs.getString("created_by"), Sql.instant(rs, "created_at"),
			Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	ChangeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(long id) {
		return this.jdbc.sql("select * from change_requests where id = ?").param(id).query(ROW).optional();
	}

	public Optional<Row> lock(long id) {
		return this.jdbc.sql("select * from change_requests where id = ? for update").param(id).query(ROW).optional();
	}

	/**
	 * Changes newest first; {@code from}/{@code until} keep those whose planned interval
	 * overlaps that stretch.
	 */
	public List<Row> page(String service, String status, Instant from, Instant until, Long before, int limit) {
		return new Where().and("service = :service", "service", service)
			.and("status = :status", "status", status)
			.and("planned_end > :from", "from", Sql.timestamp(from))
			.and("planned_start < :until", "until", Sql.timestamp(until))
			.and("id < :before", "before", before)
			.list(this.jdbc, "select * from change_requests", "id desc", limit, ROW);
	}

	/**
	 * Change requests planned to start in {@code [since, until)}, counted by service,
	 * status and whether they are emergencies, of {@code services} or of all when it is
	 * null.
	 */
	public List<ChangeCount> counts(Collection<String> services, Instant since, Instant until) {
		return this.jdbc
			.sql("""
					select service, status, case when emergency_justification is null then 0 else 1 end as emergency,
					count(*) as changes from change_requests where planned_start >= :since and planned_start < :until"""
					+ (services == null ? "" : " and service in (:services)")
					+ " group by service, status, case when emergency_justification is null then 0 else 1 end")
			.param("since", Sql.timestamp(since))
			.param("until", Sql.timestamp(until))
			.params(services == null ? Map.of() : Map.of("services", services))
			.query((rs, n) -> new ChangeCount(rs.getString("service"),
					Keyed.fromKey(ChangeStatus.class, rs.getString("status")).orElseThrow(),
					rs.getInt("emergency") == 1, rs.getInt("changes")))
			.list();
	}

	public long insert(Row row) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into change_requests (service, title, category, description, risk, implementer, environment,
				planned_start, planned_end, rollback_plan, emergency_justification, emergency_incident, status,
				created_by, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.service(), row.title(), row.category(), row.description(), row.risk(), row.implementer(),
					row.environment(), Sql.timestamp(row.plannedStart()), Sql.timestamp(row.plannedEnd()),
					row.rollbackPlan(), row.emergencyJustification(), row.emergencyIncident(), row.status(),
					row.createdBy(), Sql.timestamp(row.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Records a transition; null values leave their column as it is. */
	public void transition(long id, String status, String gate, String outcome, Instant startedAt, Instant finishedAt) {
		this.jdbc.sql("""
				update change_requests set status = ?, gate = coalesce(?, gate), outcome = coalesce(?, outcome),
				started_at = coalesce(?, started_at), finished_at = coalesce(?, finished_at), version = version + 1
				where id = ?""")
			.params(status, gate, outcome, Sql.timestamp(startedAt), Sql.timestamp(finishedAt), id)
			.update();
	}

	public List<ApprovalRow> approvals(long id) {
		return approvals(List.of(id)).getOrDefault(id, List.of());
	}

	/** The approvals of each of {@code ids} that has any, by change, in time order. */
	public Map<Long, List<ApprovalRow>> approvals(Collection<Long> ids) {
		return byChange(ids, "select * from change_approvals where change_id in (:ids) order by at, approver",
				(rs, n) -> new ApprovalRow(rs.getString("approver"), rs.getString("side"), Sql.instant(rs, "at")));
	}

	public void approve(long id, String approver, String side, Instant at) {
		this.jdbc.sql("insert into change_approvals (change_id, approver, side, at) values (?, ?, ?, ?)")
			.params(id, approver, side, Sql.timestamp(at))
			.update();
	}

	/** The steps of each of {@code ids} that has any, by change, in order. */
	public Map<Long, List<StepRow>> history(Collection<Long> ids) {
		return byChange(ids, "select * from change_history where change_id in (:ids) order by id",
				(rs, n) -> new StepRow(Sql.instant(rs, "at"), rs.getString("status"), rs.getString("actor"),
						rs.getString("detail")));
	}

	/**
	 * The rows {@code sql} selects for {@code ids}, grouped by their {@code change_id}.
	 */
	private <T> Map<Long, List<T>> byChange(Collection<Long> ids, String sql, RowMapper<T> mapper) {
		Map<Long, List<T>> grouped = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql(sql)
				.param("ids", ids)
				.query((RowCallbackHandler) rs -> grouped
					.computeIfAbsent(rs.getLong("change_id"), id -> new ArrayList<>())
					.add(mapper.mapRow(rs, 0)));
		}
		return grouped;
	}

	public void addStep(long id, Instant at, String status, String actor, String detail) {
		this.jdbc.sql("insert into change_history (change_id, at, status, actor, detail) values (?, ?, ?, ?, ?)")
			.params(id, Sql.timestamp(at), status, actor, detail)
			.update();
	}

	/** A change request as stored; {@code gate} is JSON. */
	public record Row(long id, String service, String title, String category, String description, String risk,
			String implementer, String environment, Instant plannedStart, Instant plannedEnd, String rollbackPlan,
			String emergencyJustification, Long emergencyIncident, String status, String gate, String outcome,
			String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, long revision) {
	}

	/** An approval as stored. */
	public record ApprovalRow(String approver, String side, Instant at) {
	}

	/** A transition as stored. */
	public record StepRow(Instant at, String status, String actor, String detail) {
	}

}
