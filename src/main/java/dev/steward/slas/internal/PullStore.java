package dev.steward.slas.internal;

import java.time.Instant;
import java.util.Optional;

import dev.steward.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last pull of each SLO pulled from Prometheus. */
@Repository
public class PullStore {

	private static final int MAX_ERROR = 2000;

	private final JdbcClient jdbc;

	PullStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Pull> find(long slo) {
		return this.jdbc.sql("select * from slo_pulls where slo_id = ?")
			.param(slo)
			.query((rs, n) -> new Pull(rs.getObject("pulled_minute", Long.class), Sql.instant(rs, "at"),
					rs.getBoolean("ok"), rs.getString("error")))
			.optional();
	}

	/** A pull at {@code at} that fetched the minutes up to {@code minute}. */
	public void succeeded(long slo, long minute, Instant at) {
		save(slo, at);
		this.jdbc.sql("update slo_pulls set pulled_minute = ?, at = ?, ok = true, error = null where slo_id = ?")
			.params(minute, Sql.timestamp(at), slo)
			.update();
	}

	/**
	 * A pull at {@code at} that failed; the next one starts where the last good one
	 * ended.
	 */
	public void failed(long slo, Instant at, String error) {
		save(slo, at);
		String reason = error == null ? "failed" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
		this.jdbc.sql("update slo_pulls set at = ?, ok = false, error = ? where slo_id = ?")
			.params(Sql.timestamp(at), reason, slo)
			.update();
	}

	private void save(long slo, Instant at) {
		this.jdbc.sql("insert into slo_pulls (slo_id, at, ok) values (?, ?, false) on conflict do nothing")
			.params(slo, Sql.timestamp(at))
			.update();
	}

	/**
	 * A pull: the newest minute pulled ({@code null} before a pull worked), when, and
	 * whether it worked.
	 */
	public record Pull(Long minute, Instant at, boolean ok, String error) {
	}

}
