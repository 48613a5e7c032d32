package dev.steward.common;

import org.springframework.http.HttpStatus;

/** The client's {@code If-Match} names a version that is no longer current (412). */
public class PreconditionFailed extends StewardException {

	private PreconditionFailed(String detail) {
		super(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail);
	}

	public static PreconditionFailed concurrentUpdate() {
		return new PreconditionFailed("The resource changed while this request was processed; fetch it and retry");
	}

	public static PreconditionFailed staleVersion(String ifMatch, String current) {
		return new PreconditionFailed("If-Match " + ifMatch + " does not match the current ETag " + current);
	}

}
