package dev.steward.common;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Builds the API's standard answers: 201 with {@code Location}, and single resources with
 * their {@code ETag}.
 */
public final class Responses {

	private Responses() {
	}

	public static <T> ResponseEntity<T> created(String location, T body, long version) {
		return ResponseEntity.created(URI.create(location)).eTag(ETags.of(version)).body(body);
	}

	public static <T> ResponseEntity<T> created(String location, T body) {
		return ResponseEntity.created(URI.create(location)).body(body);
	}

	public static <T> ResponseEntity<T> ok(T body, long version) {
		return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
	}

	/** 201 with {@code Location} when the {@code PUT} created the resource, else 200. */
	public static <T> ResponseEntity<T> upserted(String location, Upsert<T> result) {
		return result.created() ? created(location, result.value())
				: ResponseEntity.status(HttpStatus.OK).body(result.value());
	}

}
