package dev.steward.common;

import org.springframework.http.HttpStatus;

/** A request body exceeds the limit of its endpoint (413). */
public class PayloadTooLarge extends StewardException {

	private PayloadTooLarge(String detail) {
		super(HttpStatus.CONTENT_TOO_LARGE, "Payload too large", detail);
	}

	public static PayloadTooLarge over(long limitBytes) {
		return new PayloadTooLarge("The request body exceeds the limit of " + limitBytes + " bytes");
	}

}
