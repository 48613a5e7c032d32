package dev.steward.audit.internal;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditQuery;
import dev.steward.common.InvalidInput;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of audit entries; it can only append and read. */
@Repository
public class AuditEntries {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditEntries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void append(Instant at, String actor, String action, String target, String service, String before,
			String after) {
		this.jdbc.sql("""
				insert into audit_entries (at, actor, action, target, service, before_state, after_state)
				values (:at, :actor, :action, :target, :service, :before, :after)""")
			.param("at", Sql.timestamp(at))
			.param("actor", actor)
			.param("action", action)
			.param("target", target)
			.param("service", service)
			.param("before", before)
			.param("after", after)
			.update();
	}

	public List<AuditEntry> find(AuditQuery query, String afterId, int limit) {
		return new Where().and("(target = :target or service = :target)", "target", query.target())
			.and("actor = :actor", "actor", query.actor())
			.and("at >= :since", "since", Sql.timestamp(query.since()))
			.and("id < :afterId", "afterId", afterId == null ? null : parseId(afterId))
			.list(this.jdbc, "select * from audit_entries", "id desc", limit,
					(rs, n) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
							rs.getString("action"), rs.getString("target"), rs.getString("service"),
							parse(rs.getString("before_state")), parse(rs.getString("after_state"))));
	}

	private static long parseId(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.field("cursor", "is not a cursor returned by this collection");
		}
	}

	private JsonNode parse(String value) {
		return value == null ? null : this.json.readTree(value);
	}

}
