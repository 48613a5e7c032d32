package dev.steward.access.internal;

import java.time.Instant;
import java.util.Optional;

import dev.steward.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored password hashes and the sign-in failure state of each user. */
@Repository
public class UserCredentials {

	private final JdbcClient jdbc;

	UserCredentials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user's password hash with consecutive failures and the end of a lockout. */
	public record Row(String user, String passwordHash, int failedAttempts, Instant lockedUntil) {
	}

	public Optional<Row> find(String user) {
		return this.jdbc.sql("select * from user_credentials where user_name = ?")
			.param(user)
			.query((rs, n) -> new Row(rs.getString("user_name"), rs.getString("password_hash"),
					rs.getInt("failed_attempts"), Sql.instant(rs, "locked_until")))
			.optional();
	}

	public void setPassword(String user, String hash, Instant at) {
		int updated = this.jdbc.sql("""
				update user_credentials set password_hash = ?, changed_at = ?, failed_attempts = 0, locked_until = null
				where user_name = ?""").params(hash, Sql.timestamp(at), user).update();
		if (updated == 0) {
			this.jdbc.sql("insert into user_credentials (user_name, password_hash, changed_at) values (?, ?, ?)")
				.params(user, hash, Sql.timestamp(at))
				.update();
		}
	}

	public void recordFailure(String user, int failedAttempts, Instant lockedUntil) {
		this.jdbc.sql("update user_credentials set failed_attempts = ?, locked_until = ? where user_name = ?")
			.params(failedAttempts, Sql.timestamp(lockedUntil), user)
			.update();
	}

	public void recordSuccess(String user) {
		this.jdbc.sql("update user_credentials set failed_attempts = 0, locked_until = null where user_name = ?")
			.param(user)
			.update();
	}

}
