package dev.steward.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and their stored form: a secret is shown once and only its SHA-256 is
 * kept, which is enough for secrets of 128 bits or more of randomness.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** {@code bytes} random bytes, base64url-encoded without padding. */
	public static String random(int bytes) {
		byte[] secret = new byte[bytes];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** {@code bytes} random bytes as lower-case hex. */
	public static String randomHex(int bytes) {
		byte[] secret = new byte[bytes];
		RANDOM.nextBytes(secret);
		return HexFormat.of().formatHex(secret);
	}

	/** The hex SHA-256 of a secret, the form in which it is stored. */
	public static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
