package dev.steward.audit;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import dev.steward.audit.internal.AuditEntries;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's API: modules record every mutation here inside their own transaction,
 * so a change and its audit entry commit or roll back together.
 */
@Service
public class AuditTrail {

	private final AuditEntries entries;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(AuditEntries entries, JsonMapper json, Clock clock) {
		this.entries = entries;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records a change by the current actor; {@code before} and {@code after} are any
	 * JSON-serializable views ({@code null} for creation or deletion).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String target, String service, Object before, Object after) {
		this.entries.append(this.clock.instant(), CurrentActor.name(), action, target, service, toJson(before),
				toJson(after));
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> find(AuditQuery query, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		String after = Cursor.decode(cursor);
		return Page.of(this.entries.find(query, after, size + 1), size, entry -> Long.toString(entry.id()));
	}

	private String toJson(Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

}
