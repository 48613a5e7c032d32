package dev.steward.catalog;

/** Body of creating or fully updating a product. */
public record ProductRequest(String name, String title, String description) {

	/** The request that would recreate this product, the base of a merge patch. */
	public static ProductRequest from(ProductEntry product) {
		return new ProductRequest(product.name(), product.title(), product.description());
	}

}
