package dev.steward.common;

import java.util.List;
import java.util.function.Function;

/** One page of a collection, with the opaque cursor of the next page or {@code null}. */
public record Page<T>(List<T> items, String nextCursor) {

	/**
	 * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells
	 * that another page exists, and the cursor is the key of the last row returned.
	 */
	public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, String> key) {
		if (rowsPlusOne.size() <= limit) {
			return new Page<>(rowsPlusOne, null);
		}
		List<T> items = rowsPlusOne.subList(0, limit);
		return new Page<>(List.copyOf(items), Cursor.encode(key.apply(items.get(limit - 1))));
	}

	/**
	 * This page with its items turned, all at once, into others (one for each, in order).
	 */
	public <R> Page<R> mapAll(Function<List<T>, List<R>> mapper) {
		return new Page<>(mapper.apply(this.items), this.nextCursor);
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.nextCursor);
	}

}
