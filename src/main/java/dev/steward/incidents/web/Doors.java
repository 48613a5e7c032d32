package dev.steward.incidents.web;

import java.util.Optional;

import dev.steward.common.Keyed;
import dev.steward.common.Validation;

/** What the event doors share: reading an enumerated field into its value. */
final class Doors {

	private Doors() {
	}

	/**
	 * The value of {@code type} that {@code text} names; an error in {@code validation}
	 * when it names none, or when it is missing but {@code required}.
	 */
	static <E extends Enum<E> & Keyed> E keyed(Validation validation, String field, String text, Class<E> type,
			boolean required) {
		if (text == null) {
			if (required) {
				validation.error(field, "is required");
			}
			return null;
		}
		Optional<E> value = Keyed.fromKey(type, text);
		if (value.isEmpty()) {
			validation.error(field, "must be one of " + String.join(", ", Keyed.keys(type)));
		}
		return value.orElse(null);
	}

}
