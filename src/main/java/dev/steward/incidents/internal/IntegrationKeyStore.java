package dev.steward.incidents.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.incidents.IntegrationKey;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored integration keys: only the hash of each secret is kept. */
@Repository
public class IntegrationKeyStore {

	private static final RowMapper<IntegrationKey> ROW = (rs, n) -> new IntegrationKey(rs.getString("id"),
			rs.getString("service"), rs.getString("name"), Sql.instant(rs, "created_at"), rs.getString("created_by"),
			Sql.instant(rs, "revoked_at"));

	private final JdbcClient jdbc;

	IntegrationKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String id, String service, String name, String keyHash, Instant at, String by) {
		this.jdbc.sql("""
				insert into integration_keys (id, service, name, key_hash, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""").params(id, service, name, keyHash, Sql.timestamp(at), by).update();
	}

	public List<IntegrationKey> ofService(String service) {
		return this.jdbc.sql("select * from integration_keys where service = ? order by created_at, id")
			.param(service)
			.query(ROW)
			.list();
	}

	public Optional<IntegrationKey> find(String service, String id) {
		return this.jdbc.sql("select * from integration_keys where service = ? and id = ?")
			.params(service, id)
			.query(ROW)
			.optional();
	}

	/** The key that is not revoked and whose secret hashes to {@code keyHash}. */
	public Optional<IntegrationKey> active(String keyHash) {
		return this.jdbc.sql("select * from integration_keys where key_hash = ? and revoked_at is null")
			.param(keyHash)
			.query(ROW)
			.optional();
	}

	public void revoke(String id, Instant at) {
		this.jdbc.sql("update integration_keys set revoked_at = ? where id = ? and revoked_at is null")
			.params(Sql.timestamp(at), id)
			.update();
	}

}
