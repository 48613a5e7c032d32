package dev.steward.common;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * The caller exceeded a rate limit (429); {@code retryAfter} becomes the
 * {@code Retry-After} header.
 */
public class TooManyRequests extends StewardException {

	private final Duration retryAfter;

	private TooManyRequests(String detail, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
		this.retryAfter = retryAfter;
	}

	public static TooManyRequests retryAfter(Duration retryAfter, String detail) {
		return new TooManyRequests(detail, retryAfter);
	}

	/** Whole seconds to wait, at least one. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
