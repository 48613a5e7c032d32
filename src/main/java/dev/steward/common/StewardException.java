package dev.steward.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * Base of every domain exception; carries the HTTP status it maps to and extra problem
 * properties, so the web edge translates all of them in one place.
 */
public abstract class StewardException extends RuntimeException {

	private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

	private final HttpStatus status;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	protected StewardException(HttpStatus status, String title, String detail) {
		super(detail);
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	/**
	 * Adds a problem property; the members RFC 9457 defines ({@code type}, {@code title},
	 * {@code status}, {@code detail}, {@code instance}) cannot be overwritten this way.
	 */
	protected StewardException with(String name, Object value) {
		if (STANDARD_MEMBERS.contains(name)) {
			throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
		}
		this.properties.put(name, value);
		return this;
	}

}
