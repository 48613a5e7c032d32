package dev.steward.catalog;

/**
 * Filters of the service list; {@code q} searches name, title and description. Each is
 * optional.
 */
public record ServiceFilter(String owner, Integer tier, String product, String lifecycle, String q) {

	public static ServiceFilter none() {
		return new ServiceFilter(null, null, null, null, null);
	}

}
