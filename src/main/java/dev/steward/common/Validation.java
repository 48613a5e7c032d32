package dev.steward.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects the field errors of one request so that a client sees all of them at once;
 * {@link #throwIfInvalid()} turns them into an {@link InvalidInput}.
 */
public final class Validation {

	private static final Pattern NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

	private static final int MAX_URL = 2000;

	private final List<InvalidInput.FieldError> errors = new ArrayList<>();

	public static boolean isName(String value) {
		return value != null && NAME.matcher(value).matches();
	}

	public Validation error(String field, String message) {
		this.errors.add(new InvalidInput.FieldError(field, message));
		return this;
	}

	public boolean required(String field, Object value) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			error(field, "is required");
			return false;
		}
		return true;
	}

	public void name(String field, String value) {
		if (required(field, value) && !isName(value)) {
			error(field, "must be a lower-case slug matching " + NAME.pattern());
		}
	}

	public void optionalName(String field, String value) {
		if (value != null && !isName(value)) {
			error(field, "must be a lower-case slug matching " + NAME.pattern());
		}
	}

	/**
	 * An update may repeat a field that cannot change (such as the name), but not alter
	 * it.
	 */
	public void unchanged(String field, String requested, String current) {
		if (requested != null && !requested.equals(current)) {
			error(field, "cannot be changed");
		}
	}

	public void maxLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			error(field, "must be at most " + max + " characters");
		}
	}

	public void email(String field, String value) {
		if (value != null && !EMAIL.matcher(value).matches()) {
			error(field, "must be an email address");
		}
	}

	public void zone(String field, String value) {
		if (required(field, value)) {
			try {
				ZoneId.of(value);
			}
			catch (DateTimeException ex) {
				error(field, "must be an IANA time zone such as Europe/Berlin");
			}
		}
	}

	public void oneOf(String field, String value, Collection<String> allowed) {
		if (value != null && !allowed.contains(value)) {
			error(field, "must be one of " + String.join(", ", allowed));
		}
	}

	/**
	 * The value of {@code type} that {@code text} names, or {@code null} with an error
	 * when it names none (or is missing but {@code required}).
	 */
	public <E extends Enum<E> & Keyed> E keyed(String field, String text, Class<E> type, boolean required) {
		if (text == null) {
			if (required) {
				error(field, "is required");
			}
			return null;
		}
		Optional<E> value = Keyed.fromKey(type, text);
		if (value.isEmpty()) {
			error(field, "must be one of " + String.join(", ", Keyed.keys(type)));
		}
		return value.orElse(null);
	}

	/**
	 * The instant an RFC 3339 time with offset names, or {@code null} with an error when
	 * it is malformed (or missing but {@code required}).
	 */
	public Instant time(String field, String text, boolean required) {
		if (text == null) {
			if (required) {
				error(field, "is required");
			}
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			error(field, "must be an RFC 3339 time with offset, such as 2026-12-24T00:00:00+01:00");
			return null;
		}
	}

	/**
	 * An absolute http or https URL with a host, of at most 2,000 characters
	 * ({@code null} passes unless {@code required}).
	 */
	public void httpUrl(String field, String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				error(field, "is required");
			}
			return;
		}
		if (value.length() > MAX_URL) {
			error(field, "must be at most " + MAX_URL + " characters");
			return;
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				error(field, "must be an http or https URL, such as https://example.com/path");
			}
		}
		catch (URISyntaxException ex) {
			error(field, "must be an http or https URL, such as https://example.com/path");
		}
	}

	public void range(String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			error(field, "must be between " + min + " and " + max);
		}
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

	public void throwIfInvalid() {
		if (!this.errors.isEmpty()) {
			throw InvalidInput.of(this.errors);
		}
	}

}
