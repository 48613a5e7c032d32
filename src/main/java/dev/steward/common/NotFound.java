package dev.steward.common;

import org.springframework.http.HttpStatus;

/** A named resource does not exist (404). */
public class NotFound extends StewardException {

	private NotFound(String detail) {
		super(HttpStatus.NOT_FOUND, "Not found", detail);
	}

	public static NotFound of(String kind, String name) {
		return new NotFound("No " + kind + " named '" + name + "'");
	}

	public static NotFound because(String detail) {
		return new NotFound(detail);
	}

}
