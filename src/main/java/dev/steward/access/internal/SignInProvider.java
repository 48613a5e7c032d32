package dev.steward.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.steward.access.StewardPrincipal;
import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.NotFound;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs people in to the web UI: a user name with its password, or (with no user name) an
 * API token, such as the bootstrap administrator's. After {@value #FREE_ATTEMPTS}
 * consecutive wrong passwords an account is locked, for 30 seconds and twice as long
 * after each further failure, up to 15 minutes.
 */
@Component
class SignInProvider implements AuthenticationProvider {

	static final int FREE_ATTEMPTS = 5;

	static final Duration FIRST_LOCK = Duration.ofSeconds(30);

	static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

	private final UserCredentials credentials;

	private final ApiTokens tokens;

	private final Directory directory;

	private final Principals principals;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final String unknownUserHash;

	SignInProvider(UserCredentials credentials, ApiTokens tokens, Directory directory, Principals principals,
			PasswordEncoder encoder, Clock clock) {
		this.credentials = credentials;
		this.tokens = tokens;
		this.directory = directory;
		this.principals = principals;
		this.encoder = encoder;
		this.clock = clock;
		this.unknownUserHash = encoder.encode("no user has this password");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName() == null ? "" : authentication.getName().trim();
		String secret = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Instant now = this.clock.instant();
		if (name.isEmpty()) {
			return this.tokens.authenticate(secret.trim(), now)
				.map(token -> TokenAuthentication.of(this.principals.ofToken(token)))
				.orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired token"));
		}
		UserCredentials.Row row = this.credentials.find(name).orElse(null);
		if (row == null) {
			this.encoder.matches(secret, this.unknownUserHash);
			throw new BadCredentialsException("Wrong user name or password");
		}
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			throw new LockedException("Account locked until " + row.lockedUntil());
		}
		if (!this.encoder.matches(secret, row.passwordHash())) {
			int failures = row.failedAttempts() + 1;
			this.credentials.recordFailure(name, failures, lockUntil(failures, now));
			throw new BadCredentialsException("Wrong user name or password");
		}
		this.credentials.recordSuccess(name);
		UserEntry user;
		try {
			user = this.directory.user(name);
		}
		catch (NotFound ex) {
			throw new BadCredentialsException("Wrong user name or password");
		}
		StewardPrincipal principal = this.principals.ofUser(user);
		return TokenAuthentication.of(principal);
	}

	static Instant lockUntil(int failures, Instant now) {
		if (failures < FREE_ATTEMPTS) {
			return null;
		}
		Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(failures - FREE_ATTEMPTS, 10));
		return now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
