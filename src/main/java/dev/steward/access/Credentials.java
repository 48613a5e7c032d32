package dev.steward.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import dev.steward.access.internal.UserCredentials;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.common.Validation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' passwords: set with a slow, salted hash (bcrypt); the audit records the change,
 * never the password.
 */
@Service
@Transactional
public class Credentials {

	/** The shortest password accepted. */
	public static final int MIN_LENGTH = 10;

	/** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
	public static final int MAX_BYTES = 72;

	private final UserCredentials credentials;

	private final Directory directory;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	Credentials(UserCredentials credentials, Directory directory, PasswordEncoder encoder, AuditTrail audit,
			Clock clock) {
		this.credentials = credentials;
		this.directory = directory;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	public void setPassword(String user, String password) {
		this.directory.user(user);
		Validation validation = new Validation();
		if (validation.required("password", password)) {
			if (password.length() < MIN_LENGTH) {
				validation.error("password", "must be at least " + MIN_LENGTH + " characters");
			}
			if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
				validation.error("password", "must be at most " + MAX_BYTES + " bytes");
			}
		}
		validation.throwIfInvalid();
		this.credentials.setPassword(user, this.encoder.encode(password), this.clock.instant());
		this.audit.record("user.password.changed", user, null, null, Map.of("user", user));
	}

}
