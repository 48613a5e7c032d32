package dev.steward.catalog.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.catalog.ProductCatalog;
import dev.steward.catalog.ProductEntry;
import dev.steward.catalog.ProductRequest;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of products. */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

	private final ProductCatalog products;

	private final JsonMapper json;

	ProductController(ProductCatalog products, JsonMapper json) {
		this.products = products;
		this.json = json;
	}

	@Allow(Rule.ADMIN)
	@PostMapping
	ResponseEntity<ProductEntry> create(@RequestBody ProductRequest request) {
		ProductEntry product = this.products.create(request);
		return Responses.created("/api/v1/products/" + product.name(), product, product.version());
	}

	@GetMapping
	Page<ProductEntry> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.products.products(limit, cursor);
	}

	@GetMapping("/{product}")
	ResponseEntity<ProductEntry> get(@PathVariable String product) {
		ProductEntry entry = this.products.product(product);
		return Responses.ok(entry, entry.version());
	}

	@Allow(Rule.ADMIN)
	@PutMapping("/{product}")
	ResponseEntity<ProductEntry> put(@PathVariable String product, @RequestBody ProductRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ProductEntry entry = this.products.update(product, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(Rule.ADMIN)
	@PatchMapping(path = "/{product}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ProductEntry> patch(@PathVariable String product, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ProductRequest request = MergePatch.apply(this.json, ProductRequest.from(this.products.product(product)), patch,
				ProductRequest.class);
		return put(product, request, ifMatch);
	}

	@Allow(Rule.ADMIN)
	@DeleteMapping("/{product}")
	ResponseEntity<Void> delete(@PathVariable String product,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.products.delete(product, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
