package dev.steward.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination cursors and the {@code limit} parameter of collections. */
public final class Cursor {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	private Cursor() {
	}

	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	/** The key a cursor stands for, or {@code null} for the first page. */
	public static String decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInput.field("cursor", "is not a cursor returned by this collection");
		}
	}

	/** The numeric key a cursor holds, for collections keyed by number. */
	public static Long decodeNumber(String cursor) {
		String key = decode(cursor);
		if (key == null) {
			return null;
		}
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw InvalidInput.field("cursor", "is not a cursor returned by this collection");
		}
	}

	public static int limit(Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidInput.field("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

}
