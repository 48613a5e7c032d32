package dev.steward.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.steward.access.TokenInfo;
import dev.steward.common.Secrets;
import dev.steward.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored API tokens: only a SHA-256 hash of each secret is kept (the secrets are 32
 * random bytes, so a fast hash is enough), with scopes, expiry, last use and revocation.
 */
@Repository
public class ApiTokens {

	/** The recognizable prefix of every Steward token. */
	public static final String PREFIX = "stw_";

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static String newSecret() {
		return PREFIX + Secrets.random(32);
	}

	static String hash(String secret) {
		return Secrets.hash(secret);
	}

	private static TokenInfo row(ResultSet rs, int n) throws SQLException {
		return new TokenInfo(rs.getString("id"), rs.getString("user_name"), rs.getString("name"),
				PREFIX + "…" + rs.getString("last_four"), scopes(rs.getString("scopes")), Sql.instant(rs, "created_at"),
				Sql.instant(rs, "expires_at"), Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at"));
	}

	private static Set<String> scopes(String text) {
		return new LinkedHashSet<>(Arrays.asList(text.split(" ")));
	}

	public boolean bootstrapExists() {
		return this.jdbc.sql("select count(*) from api_tokens where user_name is null and name = 'bootstrap'")
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Stores a new token for {@code user} ({@code null} for the bootstrap administrator).
	 */
	public void insert(String id, String user, String name, String secret, Set<String> scopes, Instant createdAt,
			Instant expiresAt) {
		this.jdbc.sql("""
				insert into api_tokens (id, user_name, name, token_hash, last_four, scopes, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user, name, hash(secret), secret.substring(secret.length() - 4), String.join(" ", scopes),
					Sql.timestamp(createdAt), Sql.timestamp(expiresAt))
			.update();
	}

	public List<TokenInfo> of(String user) {
		return this.jdbc.sql("select * from api_tokens where user_name = ? order by created_at desc, id")
			.param(user)
			.query(ApiTokens::row)
			.list();
	}

	public Optional<TokenInfo> find(String user, String id) {
		return this.jdbc.sql("select * from api_tokens where user_name = ? and id = ?")
			.params(user, id)
			.query(ApiTokens::row)
			.optional();
	}

	public void revoke(String id, Instant at) {
		this.jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
			.params(Sql.timestamp(at), id)
			.update();
	}

	/**
	 * The token a secret stands for, if it is known and neither revoked nor expired at
	 * {@code now}; records its use at minute resolution.
	 */
	public Optional<TokenInfo> authenticate(String secret, Instant now) {
		Optional<TokenInfo> found = this.jdbc.sql("""
				select * from api_tokens
				where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
			.params(hash(secret), Sql.timestamp(now))
			.query(ApiTokens::row)
			.optional();
		Instant stale = now.minus(LAST_USED_RESOLUTION);
		found.filter(token -> token.lastUsedAt() == null || token.lastUsedAt().isBefore(stale))
			.ifPresent(token -> this.jdbc.sql("""
					update api_tokens set last_used_at = ?
					where id = ? and (last_used_at is null or last_used_at < ?)""")
				.params(Sql.timestamp(now), token.id(), Sql.timestamp(stale))
				.update());
		return found;
	}

}
