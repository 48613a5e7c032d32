package dev.steward.audit;

import java.time.Clock;
import java.util.function.Consumer;

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
 * so a change and its audit entry commit or roll back together; entries are hash-chained
 * so that a changed or removed row is detectable.
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
		this.entries.append(new AuditEntries.Draft(this.clock.instant(), CurrentActor.name(), CurrentActor.tokenId(),
				CurrentActor.clientAddress(), action, target, service, toJson(before), toJson(after)));
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> find(AuditQuery query, Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		String after = Cursor.decode(cursor);
		return Page.of(this.entries.find(query, after, size + 1), size, entry -> Long.toString(entry.id()));
	}

	/**
	 * Recomputes every entry's hash from its stored content and the entry before it, and
	 * checks that the chain ends where the chain head says it does.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		ChainWalk walk = new ChainWalk();
		this.entries.forEachInOrder(walk);
		AuditEntries.Stored head = this.entries.head();
		if (walk.brokenId == null && (head.id() != walk.lastId || !head.hash().equals(walk.lastHash))) {
			return ChainVerification.broken(walk.count, head.id(), "the last entries of the chain are missing");
		}
		return walk.brokenId == null ? ChainVerification.intact(walk.count)
				: ChainVerification.broken(walk.count, walk.brokenId, walk.reason);
	}

	private String toJson(Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

	/** Walks the chain in order, remembering the first entry that breaks it. */
	private static final class ChainWalk implements Consumer<AuditEntries.Stored> {

		private long count;

		private long lastId;

		private String lastHash = AuditEntries.GENESIS;

		private Long brokenId;

		private String reason;

		@Override
		public void accept(AuditEntries.Stored stored) {
			this.count++;
			if (this.brokenId == null) {
				if (!this.lastHash.equals(stored.previousHash())) {
					breakAt(stored.id(), "does not link to the entry before it");
				}
				else if (!AuditEntries.hash(stored.previousHash(), stored.draft()).equals(stored.hash())) {
					breakAt(stored.id(), "its content does not match its hash");
				}
			}
			this.lastId = stored.id();
			this.lastHash = stored.hash();
		}

		private void breakAt(long id, String why) {
			this.brokenId = id;
			this.reason = why;
		}

	}

}
