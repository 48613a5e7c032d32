package dev.steward.incidents.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.common.Keyed;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import dev.steward.incidents.AlertEntry;
import dev.steward.incidents.IncidentTimes;
import dev.steward.incidents.Urgency;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stored incidents, their events, assignees and timeline. */
@Repository
public class IncidentStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("number"), rs.getString("service"),
			rs.getString("title"), rs.getString("severity"), rs.getString("urgency"), rs.getString("status"),
			rs.getString("dedup_key"), rs.getString("source"), rs.getString("details"), rs.getInt("alert_count"),
			rs.getString("policy"), rs.getInt("level"), rs.getInt("round"), rs.getInt("cycle"),
			Sql.instant(rs, "created_at"), Sql.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
			Sql.instant(rs, "resolved_at"), rs.getString("resolved_by"), Sql.instant(rs, "ack_by"),
			Sql.instant(rs, "resolve_by"), rs.getLong("version"));

	private static final RowMapper<TimelineRow> TIMELINE = (rs, n) -> new TimelineRow(rs.getLong("id"),
			Sql.instant(rs, "at"), rs.getString("type"), rs.getString("actor"), rs.getString("message"),
			rs.getString("data"));

	private final JdbcClient jdbc;

	IncidentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(long number) {
		return this.jdbc.sql("select * from incidents where number = ?").param(number).query(ROW).optional();
	}

	/** The open incident of a service filed under a dedup key, locked for the caller. */
	public Optional<Row> openForUpdate(String service, String dedupKey) {
		return this.jdbc.sql("select * from incidents where open_key = ? for update")
			.param(openKey(service, dedupKey))
			.query(ROW)
			.optional();
	}

	/** The key an open incident is found by: service names never contain a slash. */
	private static String openKey(String service, String dedupKey) {
		return service + "/" + dedupKey;
	}

	public Optional<Row> findForUpdate(long number) {
		return this.jdbc.sql("select * from incidents where number = ? for update").param(number).query(ROW).optional();
	}

	public List<Row> page(String service, String status, String urgency, Instant since, Long before, int limit) {
		return new Where().and("service = :service", "service", service)
			.and("status = :status", "status", status)
			.and("urgency = :urgency", "urgency", urgency)
			.and("created_at >= :since", "since", since == null ? null : Sql.timestamp(since))
			.and("number < :before", "before", before)
			.list(this.jdbc, "select * from incidents", "number desc", limit, ROW);
	}

	public long insert(Row row) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into incidents (service, title, severity, urgency, status, dedup_key, open_key, source,
				details, alert_count, policy, level, round, created_at, ack_by, resolve_by, version)
				values (?, ?, ?, ?, 'triggered', ?, ?, ?, ?, 1, ?, ?, 0, ?, ?, ?, 1)""")
			.params(row.service(), row.title(), row.severity(), row.urgency(), row.dedupKey(),
					openKey(row.service(), row.dedupKey()), row.source(), row.details(), row.policy(), row.level(),
					Sql.timestamp(row.createdAt()), Sql.timestamp(row.ackBy()), Sql.timestamp(row.resolveBy()))
			.update(key, "number");
		return key.getKey().longValue();
	}

	public void countAlert(long number) {
		this.jdbc.sql("update incidents set alert_count = alert_count + 1, version = version + 1 where number = ?")
			.param(number)
			.update();
	}

	public void acknowledge(long number, Instant at, String by) {
		this.jdbc.sql("""
				update incidents set status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?,
				version = version + 1 where number = ?""").params(Sql.timestamp(at), by, number).update();
	}

	public void resolve(long number, Instant at, String by) {
		this.jdbc.sql("""
				update incidents set status = 'resolved', open_key = null, resolved_at = ?, resolved_by = ?,
				version = version + 1 where number = ?""").params(Sql.timestamp(at), by, number).update();
	}

	/** Back to triggered, to be paged again from level 1 of {@code policy}. */
	public void retrigger(long number, String policy) {
		this.jdbc.sql("""
				update incidents set status = 'triggered', acknowledged_at = null, acknowledged_by = null, policy = ?,
				level = 0, round = 0, cycle = cycle + 1, version = version + 1 where number = ?""")
			.params(policy, number)
			.update();
	}

	public Optional<String> nextStep(long number) {
		return this.jdbc.sql("select next_step from incidents where number = ?")
			.param(number)
			.query(String.class)
			.optional();
	}

	public void nextStep(long number, String step) {
		this.jdbc.sql("update incidents set next_step = ? where number = ?").params(step, number).update();
	}

	public void escalate(long number, String policy, int level, int round) {
		this.jdbc.sql("update incidents set policy = ?, level = ?, round = ?, version = version + 1 where number = ?")
			.params(policy, level, round, number)
			.update();
	}

	public List<String> assignees(long number) {
		return this.jdbc.sql("select user_name from incident_assignees where incident = ? order by user_name")
			.param(number)
			.query(String.class)
			.list();
	}

	public void assign(long number, String user) {
		if (this.jdbc.sql("select count(*) from incident_assignees where incident = ? and user_name = ?")
			.params(number, user)
			.query(Long.class)
			.single() == 0) {
			this.jdbc.sql("insert into incident_assignees (incident, user_name) values (?, ?)")
				.params(number, user)
				.update();
		}
	}

	public void clearAssignees(long number) {
		this.jdbc.sql("delete from incident_assignees where incident = ?").param(number).update();
	}

	public void insertEvent(long number, String action, Instant at, String door, String summary, String severity,
			String source, String payload) {
		this.jdbc.sql("""
				insert into incident_events (incident, action, received_at, door, summary, severity, source, payload)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(number, action, Sql.timestamp(at), door, summary, severity, source, payload)
			.update();
	}

	/**
	 * The stored bodies of an incident's first {@code limit} events, in arrival order.
	 */
	public List<String> eventPayloads(long number, int limit) {
		return this.jdbc
			.sql("select payload from incident_events where incident = ? and payload is not null order by id limit "
					+ limit)
			.param(number)
			.query(String.class)
			.list();
	}

	/** The most recent events of an incident, newest first, at most {@code limit}. */
	public List<AlertEntry> events(long number, int limit) {
		return this.jdbc.sql("select * from incident_events where incident = ? order by id desc limit " + limit)
			.param(number)
			.query((rs, n) -> new AlertEntry(rs.getLong("id"), rs.getString("action"), Sql.instant(rs, "received_at"),
					rs.getString("door"), rs.getString("summary"), rs.getString("severity"), rs.getString("source")))
			.list();
	}

	public void addTimeline(long number, Instant at, String type, String actor, String message, String data) {
		this.jdbc.sql("""
				insert into incident_timeline (incident, at, type, actor, message, data)
				values (?, ?, ?, ?, ?, ?)""").params(number, Sql.timestamp(at), type, actor, message, data).update();
	}

	/**
	 * Adds a timeline entry unless the incident already has one of the same type, time
	 * and message, so that recording an event delivered twice leaves one entry.
	 */
	public void addTimelineOnce(long number, Instant at, String type, String message, String data) {
		OffsetDateTime stored = Sql.timestamp(at.truncatedTo(ChronoUnit.MICROS));
		this.jdbc.sql("""
				insert into incident_timeline (incident, at, type, actor, message, data)
				select ?, ?, ?, null, ?, ? where not exists (select 1 from incident_timeline
				where incident = ? and type = ? and at = ? and message = ?)""")
			.params(number, stored, type, message, data, number, type, stored, message)
			.update();
	}

	public List<TimelineRow> timeline(long number) {
		return this.jdbc.sql("select * from incident_timeline where incident = ? order by id")
			.param(number)
			.query(TIMELINE)
			.list();
	}

	/** Whether the incident's timeline has an entry of {@code type}. */
	public boolean hasTimelineEntry(long number, String type) {
		return this.jdbc.sql("select count(*) from incident_timeline where incident = ? and type = ?")
			.params(number, type)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * How many incidents are open, per urgency and status: keys are
	 * {@code urgency/status}.
	 */
	public Map<String, Long> openCounts() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select urgency, status, count(*) as open_count from incidents
				where status in ('triggered', 'acknowledged') group by urgency, status""").query(rs -> {
			counts.put(rs.getString("urgency") + "/" + rs.getString("status"), rs.getLong("open_count"));
		});
		return counts;
	}

	/**
	 * The response times of the incidents triggered in {@code [since, until)}, of
	 * {@code services} or of all when it is null; the first acknowledgement comes from
	 * the timeline, as a reassignment clears the incident's own. One join with the
	 * acknowledgements rather than a subquery per incident, so that PostgreSQL hashes the
	 * timeline for many incidents and probes its index for a few; an acknowledgement
	 * never precedes its trigger, which bounds the timeline entries read by
	 * {@code since}.
	 */
	public List<IncidentTimes> times(Collection<String> services, Instant since, Instant until) {
		return this.jdbc
			.sql("""
					select i.number, i.service, i.urgency, i.created_at, i.resolved_at, i.ack_by, i.resolve_by,
					min(t.at) as first_acknowledged_at from incidents i left join incident_timeline t
					on t.incident = i.number and t.type = 'acknowledged' and t.at >= :since
					where i.created_at >= :since and i.created_at < :until"""
					+ (services == null ? "" : " and i.service in (:services)") + """
							 group by i.number, i.service, i.urgency, i.created_at, i.resolved_at, i.ack_by,
							i.resolve_by order by i.created_at, i.number""")
			.param("since", Sql.timestamp(since))
			.param("until", Sql.timestamp(until))
			.params(services == null ? Map.of() : Map.of("services", services))
			.query((rs, n) -> new IncidentTimes(rs.getLong("number"), rs.getString("service"),
					Keyed.fromKey(Urgency.class, rs.getString("urgency")).orElseThrow(), Sql.instant(rs, "created_at"),
					Sql.instant(rs, "first_acknowledged_at"), Sql.instant(rs, "resolved_at"), Sql.instant(rs, "ack_by"),
					Sql.instant(rs, "resolve_by")))
			.list();
	}

	/** An incident as stored; {@code details} is JSON. */
	public record Row(long number, String service, String title, String severity, String urgency, String status,
			String dedupKey, String source, String details, int alertCount, String policy, int level, int round,
			int cycle, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
			String resolvedBy, Instant ackBy, Instant resolveBy, long version) {
	}

	/** A timeline entry as stored; {@code data} is JSON. */
	public record TimelineRow(long id, Instant at, String type, String actor, String message, String data) {
	}

}
