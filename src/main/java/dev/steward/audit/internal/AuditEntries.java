package dev.steward.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditQuery;
import dev.steward.common.InvalidInput;
import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Storage of audit entries; it can only append and read. Appends are serialized on the
 * chain head row, and each entry's hash covers its content and the previous entry's hash.
 */
@Repository
public class AuditEntries {

	/** The hash the first entry links to. */
	public static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditEntries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The content of an entry to append; the time is stored at microsecond precision, as
	 * hashed.
	 */
	public record Draft(Instant at, String actor, String tokenId, String clientAddress, String action, String target,
			String service, String before, String after) {

		public Draft {
			at = at.truncatedTo(ChronoUnit.MICROS);
		}

	}

	public void append(Draft draft) {
		String previous = this.jdbc.sql("select last_hash from audit_chain_head where id = 1 for update")
			.query(String.class)
			.single();
		String hash = hash(previous, draft);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into audit_entries (at, actor, token_id, client_address, action, target, service,
					                           before_state, after_state, previous_hash, entry_hash)
					values (:at, :actor, :token, :address, :action, :target, :service, :before, :after, :previous, :hash)""")
			.param("at", Sql.timestamp(draft.at()))
			.param("actor", draft.actor())
			.param("token", draft.tokenId())
			.param("address", draft.clientAddress())
			.param("action", draft.action())
			.param("target", draft.target())
			.param("service", draft.service())
			.param("before", draft.before())
			.param("after", draft.after())
			.param("previous", previous)
			.param("hash", hash)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		this.jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ? where id = 1").params(id, hash).update();
	}

	/**
	 * The SHA-256 over the previous hash and every stored field, each length-prefixed.
	 */
	public static String hash(String previous, Draft draft) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String field : new String[] { previous, draft.at().toString(), draft.actor(), draft.tokenId(),
					draft.clientAddress(), draft.action(), draft.target(), draft.service(), draft.before(),
					draft.after() }) {
				byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
				digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
				digest.update(bytes);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	public List<AuditEntry> find(AuditQuery query, String afterId, int limit) {
		return new Where().and("(target = :target or service = :target)", "target", query.target())
			.and("actor = :actor", "actor", query.actor())
			.and("at >= :since", "since", Sql.timestamp(query.since()))
			.and("id < :afterId", "afterId", afterId == null ? null : parseId(afterId))
			.list(this.jdbc, "select * from audit_entries", "id desc", limit, this::entry);
	}

	/**
	 * Streams every chained entry in order, with its stored text, to recompute the chain.
	 */
	public void forEachInOrder(Consumer<Stored> consumer) {
		this.jdbc.sql("select * from audit_entries where entry_hash is not null order by id")
			.query((RowCallbackHandler) rs -> consumer.accept(new Stored(rs.getLong("id"),
					rs.getString("previous_hash"), rs.getString("entry_hash"), draft(rs))));
	}

	/** The current end of the chain: the last entry's id and hash. */
	public Stored head() {
		return this.jdbc.sql("select last_id, last_hash from audit_chain_head where id = 1")
			.query((rs, n) -> new Stored(rs.getLong("last_id"), null, rs.getString("last_hash"), null))
			.single();
	}

	/** An entry as stored, with the hashes that chain it. */
	public record Stored(long id, String previousHash, String hash, Draft draft) {
	}

	private static Draft draft(ResultSet rs) throws SQLException {
		return new Draft(Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("token_id"),
				rs.getString("client_address"), rs.getString("action"), rs.getString("target"), rs.getString("service"),
				rs.getString("before_state"), rs.getString("after_state"));
	}

	private AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("token_id"),
				rs.getString("client_address"), rs.getString("action"), rs.getString("target"), rs.getString("service"),
				parse(rs.getString("before_state")), parse(rs.getString("after_state")), rs.getString("previous_hash"),
				rs.getString("entry_hash"));
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
