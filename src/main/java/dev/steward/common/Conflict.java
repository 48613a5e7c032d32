package dev.steward.common;

import org.springframework.http.HttpStatus;

/** A request conflicts with the current state or an invariant (409). */
public class Conflict extends StewardException {

	private Conflict(String detail) {
		super(HttpStatus.CONFLICT, "Conflict", detail);
	}

	public static Conflict because(String detail) {
		return new Conflict(detail);
	}

	public static Conflict duplicate(String kind, String name) {
		return new Conflict("A " + kind + " named '" + name + "' already exists");
	}

	/** Adds a problem property, such as the list of services that block a deletion. */
	public Conflict detail(String name, Object value) {
		with(name, value);
		return this;
	}

}
