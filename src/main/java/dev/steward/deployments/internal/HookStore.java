package dev.steward.deployments.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stored deployment hooks and the outbox of their deliveries. */
@Repository
public class HookStore {

	/** Delivery statuses. */
	public static final String PENDING = "pending";

	public static final String SENT = "sent";

	public static final String FAILED = "failed";

	private static final RowMapper<Hook> HOOK = (rs, n) -> new Hook(rs.getString("service"), rs.getString("name"),
			rs.getString("url"), rs.getString("secret"), Sql.instant(rs, "created_at"), rs.getString("created_by"));

	private static final RowMapper<Delivery> DELIVERY = (rs, n) -> new Delivery(rs.getLong("id"),
			rs.getLong("deployment_id"), rs.getString("service"), rs.getString("hook"), rs.getString("url"),
			rs.getString("event"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
			rs.getString("last_error"), Sql.instant(rs, "due_at"), Sql.instant(rs, "sent_at"));

	private final JdbcClient jdbc;

	HookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Hook> ofService(String service) {
		return this.jdbc.sql("select * from deployment_hooks where service = ? order by name")
			.param(service)
			.query(HOOK)
			.list();
	}

	public Optional<Hook> find(String service, String name) {
		return this.jdbc.sql("select * from deployment_hooks where service = ? and name = ?")
			.params(service, name)
			.query(HOOK)
			.optional();
	}

	public void insert(Hook hook) {
		this.jdbc.sql("""
				insert into deployment_hooks (service, name, url, secret, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(hook.service(), hook.name(), hook.url(), hook.secret(), Sql.timestamp(hook.createdAt()),
					hook.createdBy())
			.update();
	}

	public void delete(String service, String name) {
		this.jdbc.sql("delete from deployment_hooks where service = ? and name = ?").params(service, name).update();
	}

	public long plan(Delivery delivery, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into deployment_hook_deliveries (deployment_id, service, hook, url, event, payload, status,
				attempts, due_at, created_at) values (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)""")
			.params(delivery.deployment(), delivery.service(), delivery.hook(), delivery.url(), delivery.event(),
					delivery.payload(), Sql.timestamp(delivery.dueAt()), Sql.timestamp(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The delivery, locked until the transaction ends. */
	public Optional<Delivery> lock(long id) {
		return this.jdbc.sql("select * from deployment_hook_deliveries where id = ? for update")
			.param(id)
			.query(DELIVERY)
			.optional();
	}

	public List<Delivery> ofDeployment(long deployment) {
		return this.jdbc.sql("select * from deployment_hook_deliveries where deployment_id = ? order by id")
			.param(deployment)
			.query(DELIVERY)
			.list();
	}

	/**
	 * Whether an earlier event of the same deployment still waits to reach the same hook.
	 */
	public boolean earlierPending(Delivery delivery) {
		return this.jdbc.sql("""
				select count(*) from deployment_hook_deliveries where deployment_id = ? and service = ? and hook = ?
				and id < ? and status = 'pending'""")
			.params(delivery.deployment(), delivery.service(), delivery.hook(), delivery.id())
			.query(Long.class)
			.single() > 0;
	}

	public void record(long id, String status, int attempts, String error, Instant dueAt, Instant sentAt) {
		this.jdbc.sql("""
				update deployment_hook_deliveries set status = ?, attempts = ?, last_error = ?, due_at = ?,
				sent_at = ? where id = ?""")
			.params(status, attempts, error, Sql.timestamp(dueAt), Sql.timestamp(sentAt), id)
			.update();
	}

	/** A hook as stored. */
	public record Hook(String service, String name, String url, String secret, Instant createdAt, String createdBy) {
	}

	/** A delivery as stored. */
	public record Delivery(long id, long deployment, String service, String hook, String url, String event,
			String payload, String status, int attempts, String lastError, Instant dueAt, Instant sentAt) {
	}

}
