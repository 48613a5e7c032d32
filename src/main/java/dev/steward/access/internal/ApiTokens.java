package dev.steward.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.steward.access.StewardPrincipal;
import dev.steward.common.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored API tokens: only a SHA-256 hash of each secret is kept (the secrets are 32
 * random bytes, so a fast hash is enough), with scopes, expiry and revocation.
 */
@Repository
public class ApiTokens {

	/** The recognizable prefix of every Steward token. */
	public static final String PREFIX = "stw_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	public boolean bootstrapExists() {
		return this.jdbc.sql("select count(*) from api_tokens where user_name is null and name = 'bootstrap'")
			.query(Long.class)
			.single() > 0;
	}

	public void insertBootstrap(String secret, Set<String> scopes, Instant at) {
		this.jdbc.sql("""
				insert into api_tokens (id, user_name, name, token_hash, scopes, created_at)
				values (?, null, 'bootstrap', ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), hash(secret), String.join(" ", scopes), Sql.timestamp(at))
			.update();
	}

	/**
	 * The principal a secret stands for, if it is a known token that is neither revoked
	 * nor expired at {@code now}; records its use at minute resolution.
	 */
	public Optional<StewardPrincipal> authenticate(String secret, Instant now) {
		String hash = hash(secret);
		Optional<Found> found = this.jdbc.sql("""
				select id, user_name, scopes from api_tokens
				where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
			.params(hash, Sql.timestamp(now))
			.query((rs, n) -> new Found(rs.getString("id"), rs.getString("user_name"), rs.getString("scopes")))
			.optional();
		found.ifPresent(token -> this.jdbc.sql("""
				update api_tokens set last_used_at = ?
				where id = ? and (last_used_at is null or last_used_at < ?)""")
			.params(Sql.timestamp(now), token.id(), Sql.timestamp(now.minus(LAST_USED_RESOLUTION)))
			.update());
		return found.map(Found::principal);
	}

	private record Found(String id, String user, String scopes) {

		StewardPrincipal principal() {
			Set<String> scopeSet = new LinkedHashSet<>(Arrays.asList(this.scopes.split(" ")));
			String name = this.user == null ? StewardPrincipal.BOOTSTRAP_ADMIN : this.user;
			return new StewardPrincipal(name, scopeSet.contains("admin"), scopeSet);
		}

	}

}
