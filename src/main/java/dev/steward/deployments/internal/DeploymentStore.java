package dev.steward.deployments.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import dev.steward.deployments.DeploymentOutcome;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stored deployments with their nodes and history. */
@Repository
public class DeploymentStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getString("service"),
			rs.getString("environment"), rs.getString("release_version"), rs.getString("commit_sha"),
			Sql.instant(rs, "commit_time"), rs.getString("strategy"), rs.getInt("max_unavailable"),
			rs.getString("status"), rs.getString("rollback_target"), rs.getString("gate"),
			rs.getString("emergency_justification"), rs.getObject("emergency_incident", Long.class),
			rs.getString("checks"), rs.getString("failure_reason"), rs.getString("rollback_reason"),
			rs.getString("requested_by"), Sql.instant(rs, "requested_at"), Sql.instant(rs, "finished_at"),
			rs.getBoolean("nodes_reported"), rs.getLong("version"));

	private static final RowMapper<NodeRow> NODE = (rs, n) -> new NodeRow(rs.getString("node"), rs.getString("status"),
			Sql.instant(rs, "updated_at"));

	private static final RowMapper<StepRow> STEP = (rs, n) -> new StepRow(Sql.instant(rs, "at"), rs.getString("status"),
			rs.getString("actor"), rs.getString("detail"));

	private final JdbcClient jdbc;

	DeploymentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(long id) {
		return this.jdbc.sql("select * from deployments where id = ?").param(id).query(ROW).optional();
	}

	/**
	 * The deployment, locked against concurrent transitions until the transaction ends.
	 */
	public Optional<Row> lock(long id) {
		return this.jdbc.sql("select * from deployments where id = ? for update").param(id).query(ROW).optional();
	}

	public List<Row> page(String service, String environment, String status, Long before, int limit) {
		return new Where().and("service = :service", "service", service)
			.and("environment = :environment", "environment", environment)
			.and("status = :status", "status", status)
			.and("id < :before", "before", before)
			.list(this.jdbc, "select * from deployments", "id desc", limit, ROW);
	}

	/** Deployments of a service in any of {@code statuses}, newest first. */
	public List<Row> inStatus(String service, String environment, List<String> statuses) {
		return new Where().and("service = :service", "service", service)
			.and("environment = :environment", "environment", environment)
			.and("status in (:statuses)", java.util.Map.of("statuses", statuses))
			.list(this.jdbc, "select * from deployments", "id desc", 100, ROW);
	}

	/**
	 * The version of the latest deployment of the service that succeeded in the
	 * environment.
	 */
	public Optional<String> lastSucceeded(String service, String environment) {
		return this.jdbc.sql("""
				select release_version from deployments where service = ? and environment = ? and status = 'succeeded'
				order by id desc limit 1""").params(service, environment).query(String.class).optional();
	}

	/**
	 * The latest successful deployment of each service in each of {@code environments},
	 * of one service or (when {@code service} is null) of all.
	 */
	public List<Row> latestSucceeded(Collection<String> environments, String service) {
		if (environments.isEmpty()) {
			return List.of();
		}
		return new Where().and("d.service = :service", "service", service)
			.and("d.id in (select max(id) from deployments where status = 'succeeded' and environment in (:environments)"
					+ (service == null ? "" : " and service = :service") + " group by service, environment)",
					Map.of("environments", environments))
			.list(this.jdbc, "select d.* from deployments d", "d.id desc", Integer.MAX_VALUE, ROW);
	}

	public boolean succeeded(String service, String environment, String version) {
		return this.jdbc.sql("""
				select count(*) from deployments where service = ? and environment = ? and release_version = ?
				and status = 'succeeded'""").params(service, environment, version).query(Long.class).single() > 0;
	}

	/** The environments the service was ever deployed to (or asked to be). */
	public List<String> environments(String service) {
		return this.jdbc.sql("select distinct environment from deployments where service = ?")
			.param(service)
			.query(String.class)
			.list();
	}

	/**
	 * The first deployment of the service to the environment after {@code id} that the
	 * gate did not block, which replaced what {@code id} put in place.
	 */
	public Optional<Long> supersededBy(long id, String service, String environment) {
		return this.jdbc.sql("""
				select id from deployments where service = ? and environment = ? and id > ? and status <> 'blocked'
				order by id limit 1""").params(service, environment, id).query(Long.class).optional();
	}

	public long insert(Row row) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into deployments (service, environment, release_version, commit_sha, commit_time, strategy,
				max_unavailable, status, rollback_target, gate, emergency_justification, emergency_incident,
				requested_by, requested_at, finished_at, nodes_reported, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.service(), row.environment(), row.version(), row.commit(), Sql.timestamp(row.commitTime()),
					row.strategy(), row.maxUnavailable(), row.status(), row.rollbackTarget(), row.gate(),
					row.emergencyJustification(), row.emergencyIncident(), row.requestedBy(),
					Sql.timestamp(row.requestedAt()), Sql.timestamp(row.finishedAt()), row.nodesReported())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Records a transition of a locked deployment. */
	public void transition(long id, String status, Instant finishedAt, String failureReason, String rollbackReason,
			String checks) {
		this.jdbc.sql("""
				update deployments set status = ?, finished_at = coalesce(?, finished_at),
				failure_reason = coalesce(?, failure_reason), rollback_reason = coalesce(?, rollback_reason),
				checks = coalesce(?, checks), version = version + 1 where id = ?""")
			.params(status, Sql.timestamp(finishedAt), failureReason, rollbackReason, checks, id)
			.update();
	}

	public void touch(long id) {
		this.jdbc.sql("update deployments set version = version + 1 where id = ?").param(id).update();
	}

	public List<NodeRow> nodes(long id) {
		return this.jdbc.sql("select * from deployment_nodes where deployment_id = ? order by position")
			.param(id)
			.query(NODE)
			.list();
	}

	public void addNode(long id, String node, int position, String status, Instant at) {
		this.jdbc.sql("""
				insert into deployment_nodes (deployment_id, node, position, status, updated_at)
				values (?, ?, ?, ?, ?)""").params(id, node, position, status, Sql.timestamp(at)).update();
	}

	public void setNode(long id, String node, String status, Instant at) {
		this.jdbc.sql("update deployment_nodes set status = ?, updated_at = ? where deployment_id = ? and node = ?")
			.params(status, Sql.timestamp(at), id, node)
			.update();
	}

	public List<StepRow> history(long id) {
		return this.jdbc.sql("select * from deployment_history where deployment_id = ? order by id")
			.param(id)
			.query(STEP)
			.list();
	}

	public void addStep(long id, Instant at, String status, String actor, String detail) {
		this.jdbc
			.sql("insert into deployment_history (deployment_id, at, status, actor, detail) values (?, ?, ?, ?, ?)")
			.params(id, Sql.timestamp(at), status, actor, detail)
			.update();
	}

	/**
	 * The outcomes of the deployments to {@code environments} that may have reached one
	 * in {@code [since, until)} (requested before its end, not finished before its
	 * start), of {@code services} or of all when it is null, from their history in one
	 * query; deployments without any outcome step are left out.
	 */
	public List<DeploymentOutcome> outcomes(Collection<String> services, Collection<String> environments, Instant since,
			Instant until) {
		return this.jdbc
			.sql("""
					select d.id, d.service, d.environment, d.commit_time,
					min(case when h.status = 'succeeded' then h.at end) as succeeded_at,
					min(case when h.status in ('failed', 'rolling-back') then h.at end) as failed_at,
					min(case when h.status = 'rolled-back' then h.at end) as rolled_back_at
					from deployments d join deployment_history h on h.deployment_id = d.id
					and h.status in ('succeeded', 'failed', 'rolling-back', 'rolled-back')
					where d.environment in (:environments) and d.requested_at < :until
					and (d.finished_at is null or d.finished_at >= :since)"""
					+ (services == null ? "" : " and d.service in (:services)")
					+ " group by d.id, d.service, d.environment, d.commit_time")
			.param("environments", environments)
			.param("since", Sql.timestamp(since))
			.param("until", Sql.timestamp(until))
			.params(services == null ? Map.of() : Map.of("services", services))
			.query((rs, n) -> new DeploymentOutcome(rs.getLong("id"), rs.getString("service"),
					rs.getString("environment"), Sql.instant(rs, "commit_time"), Sql.instant(rs, "succeeded_at"),
					Sql.instant(rs, "failed_at"), Sql.instant(rs, "rolled_back_at")))
			.list();
	}

	/**
	 * How many emergency deployments (to any environment) each service requested in
	 * {@code [since, until)}, of {@code services} or of all when it is null.
	 */
	public Map<String, Integer> emergencies(Collection<String> services, Instant since, Instant until) {
		return this.jdbc
			.sql("""
					select service, count(*) as emergencies from deployments
					where emergency_justification is not null and requested_at >= :since and requested_at < :until"""
					+ (services == null ? "" : " and service in (:services)") + " group by service")
			.param("since", Sql.timestamp(since))
			.param("until", Sql.timestamp(until))
			.params(services == null ? Map.of() : Map.of("services", services))
			.query((rs, n) -> Map.entry(rs.getString("service"), rs.getInt("emergencies")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * A deployment as stored; {@code gate} and {@code checks} are JSON;
	 * {@code nodesReported} when no nodes were known at request time, so the pipeline's
	 * reports name them.
	 */
	public record Row(long id, String service, String environment, String version, String commit, Instant commitTime,
			String strategy, int maxUnavailable, String status, String rollbackTarget, String gate,
			String emergencyJustification, Long emergencyIncident, String checks, String failureReason,
			String rollbackReason, String requestedBy, Instant requestedAt, Instant finishedAt, boolean nodesReported,
			long revision) {
	}

	/** A node of a deployment as stored. */
	public record NodeRow(String node, String status, Instant updatedAt) {
	}

	/** A transition as stored. */
	public record StepRow(Instant at, String status, String actor, String detail) {
	}

}
