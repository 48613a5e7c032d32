package dev.steward.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose wire value is its constant name in lower kebab case ({@code IN_PROGRESS}
 * is {@code in-progress}), as the API's conventions require.
 */
public interface Keyed {

	String name();

	@JsonValue
	default String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static <E extends Enum<E> & Keyed> Optional<E> fromKey(Class<E> type, String key) {
		return Arrays.stream(type.getEnumConstants()).filter(value -> value.key().equals(key)).findFirst();
	}

	static <E extends Enum<E> & Keyed> List<String> keys(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Keyed::key).toList();
	}

}
