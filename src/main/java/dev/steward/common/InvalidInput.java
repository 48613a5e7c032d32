package dev.steward.common;

import java.io.Serializable;
import java.util.List;

import org.springframework.http.HttpStatus;

/** Malformed or invalid input (400), with one entry per offending field. */
public class InvalidInput extends StewardException {

	private final List<FieldError> errors;

	private InvalidInput(String detail, List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "Invalid input", detail);
		this.errors = List.copyOf(errors);
		with("errors", this.errors);
	}

	public static InvalidInput of(List<FieldError> errors) {
		String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
				: errors.size() + " fields are invalid";
		return new InvalidInput(detail, errors);
	}

	public static InvalidInput field(String field, String message) {
		return of(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One invalid field of a request; serializable, as forms pass it to the next page in
	 * the web session.
	 */
	public record FieldError(String field, String message) implements Serializable {
	}

}
