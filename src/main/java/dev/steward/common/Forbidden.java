package dev.steward.common;

import org.springframework.http.HttpStatus;

/** The caller is known but not allowed to do this (403). */
public class Forbidden extends StewardException {

	private Forbidden(String detail) {
		super(HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	public static Forbidden because(String detail) {
		return new Forbidden(detail);
	}

}
