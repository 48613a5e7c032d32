package dev.steward.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Base of every domain exception; carries the HTTP status it maps to and extra problem
 * properties, so the web edge translates all of them in one place.
 */
public abstract class StewardException extends RuntimeException {

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

	protected StewardException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

}
