package dev.steward.incidents.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import dev.steward.incidents.PostmortemEntry.ActionItem;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored postmortems and their action items. */
@Repository
public class PostmortemStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("incident"), rs.getString("service"),
			rs.getString("status"), rs.getString("document_url"), Sql.instant(rs, "due_at"),
			Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));

	private static final String SELECT = """
			select p.*, i.service from postmortems p join incidents i on i.number = p.incident""";

	private static final String OVERDUE = """
			((p.status <> 'published' and p.due_at < :now) or exists (select 1 from postmortem_action_items a
			where a.incident = p.incident and not a.done and a.due_date < :today))""";

	private final JdbcClient jdbc;

	PostmortemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(long incident) {
		return this.jdbc.sql(SELECT + " where p.incident = ?").param(incident).query(ROW).optional();
	}

	/**
	 * Postmortems newest first; {@code overdue} selects those not published past their
	 * due time or with an open action item past its due date (or the others).
	 */
	public List<Row> page(String service, String status, Boolean overdue, Instant now, LocalDate today, Long before,
			int limit) {
		Where where = new Where().and("i.service = :service", "service", service)
			.and("p.status = :status", "status", status)
			.and("p.incident < :before", "before", before);
		if (overdue != null) {
			where.and((overdue ? "" : "not ") + OVERDUE, Map.of("now", Sql.timestamp(now), "today", today));
		}
		return where.list(this.jdbc, SELECT, "p.incident desc", limit, ROW);
	}

	/**
	 * How many postmortems are overdue per service, among those of incidents triggered in
	 * {@code [since, until)}, of {@code services} or of all when it is null.
	 */
	public Map<String, Integer> overdueByService(Collection<String> services, Instant since, Instant until, Instant now,
			LocalDate today) {
		return this.jdbc
			.sql(SELECT.replace("p.*, i.service", "i.service, count(*) as overdue")
					+ " where i.created_at >= :since and i.created_at < :until and " + OVERDUE
					+ (services == null ? "" : " and i.service in (:services)") + " group by i.service")
			.param("since", Sql.timestamp(since))
			.param("until", Sql.timestamp(until))
			.param("now", Sql.timestamp(now))
			.param("today", today)
			.params(services == null ? Map.of() : Map.of("services", services))
			.query((rs, n) -> Map.entry(rs.getString("service"), rs.getInt("overdue")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public void insert(long incident, Instant dueAt, Instant at) {
		this.jdbc.sql("""
				insert into postmortems (incident, status, due_at, created_at, updated_at, version)
				values (?, 'required', ?, ?, ?, 1)""")
			.params(incident, Sql.timestamp(dueAt), Sql.timestamp(at), Sql.timestamp(at))
			.update();
	}

	public boolean update(long incident, long version, String status, String documentUrl, Instant at) {
		return this.jdbc.sql("""
				update postmortems set status = ?, document_url = ?, updated_at = ?, version = version + 1
				where incident = ? and version = ?""")
			.params(status, documentUrl, Sql.timestamp(at), incident, version)
			.update() == 1;
	}

	public List<ActionItem> actionItems(long incident) {
		return actionItems(List.of(incident)).getOrDefault(incident, List.of());
	}

	/**
	 * The action items of each of {@code incidents}' postmortems that has any, in order.
	 */
	public Map<Long, List<ActionItem>> actionItems(Collection<Long> incidents) {
		Map<Long, List<ActionItem>> items = new HashMap<>();
		if (!incidents.isEmpty()) {
			this.jdbc
				.sql("select * from postmortem_action_items where incident in (:incidents) order by incident, position")
				.param("incidents", incidents)
				.query((RowCallbackHandler) rs -> items
					.computeIfAbsent(rs.getLong("incident"), key -> new ArrayList<>())
					.add(new ActionItem(rs.getString("title"), rs.getString("owner"),
							rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(),
							rs.getBoolean("done"))));
		}
		return items;
	}

	public void replaceActionItems(long incident, List<ActionItem> items) {
		this.jdbc.sql("delete from postmortem_action_items where incident = ?").param(incident).update();
		for (int i = 0; i < items.size(); i++) {
			ActionItem item = items.get(i);
			this.jdbc.sql("""
					insert into postmortem_action_items (incident, position, title, owner, due_date, done)
					values (?, ?, ?, ?, ?, ?)""")
				.params(incident, i, item.title(), item.owner(),
						item.dueDate() == null ? null : Date.valueOf(item.dueDate()), item.done())
				.update();
		}
	}

	/** A postmortem as stored, with its incident's service. */
	public record Row(long incident, String service, String status, String documentUrl, Instant dueAt,
			Instant createdAt, Instant updatedAt, long version) {
	}

}
