package dev.steward.windows;

import java.util.Optional;

import dev.steward.common.Validation;

/**
 * What a window applies to: the whole company, every service of a product
 * ({@code product:<name>}), or one service ({@code service:<name>}).
 */
public record WindowScope(Level level, String name) {

	public static final WindowScope COMPANY = new WindowScope(Level.COMPANY, null);

	/** The scope a text such as {@code product:payments} names, if it is well formed. */
	public static Optional<WindowScope> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		if (text.equals("company")) {
			return Optional.of(COMPANY);
		}
		int colon = text.indexOf(':');
		if (colon < 0 || !Validation.isName(text.substring(colon + 1))) {
			return Optional.empty();
		}
		String name = text.substring(colon + 1);
		return switch (text.substring(0, colon)) {
			case "product" -> Optional.of(new WindowScope(Level.PRODUCT, name));
			case "service" -> Optional.of(new WindowScope(Level.SERVICE, name));
			default -> Optional.empty();
		};
	}

	public static WindowScope product(String name) {
		return new WindowScope(Level.PRODUCT, name);
	}

	public static WindowScope service(String name) {
		return new WindowScope(Level.SERVICE, name);
	}

	@Override
	public String toString() {
		return this.level == Level.COMPANY ? "company" : this.level.name().toLowerCase() + ":" + this.name;
	}

	/** How wide a scope is. */
	public enum Level {

		COMPANY, PRODUCT, SERVICE

	}

}
