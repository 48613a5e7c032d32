package dev.steward.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.internal.Products;
import dev.steward.catalog.internal.Services;
import dev.steward.common.Conflict;
import dev.steward.common.Cursor;
import dev.steward.common.ETags;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.PreconditionFailed;
import dev.steward.common.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Products: named groups of services. */
@Service
@Transactional
public class ProductCatalog {

	private final Products products;

	private final Services services;

	private final AuditTrail audit;

	private final Clock clock;

	ProductCatalog(Products products, Services services, AuditTrail audit, Clock clock) {
		this.products = products;
		this.services = services;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public ProductEntry product(String name) {
		return findProduct(name).orElseThrow(() -> NotFound.of("product", name));
	}

	@Transactional(readOnly = true)
	public Optional<ProductEntry> findProduct(String name) {
		return this.products.find(name);
	}

	@Transactional(readOnly = true)
	public Page<ProductEntry> products(Integer limit, String cursor) {
		int size = Cursor.limit(limit);
		return Page.of(this.products.page(Cursor.decode(cursor), size + 1), size, ProductEntry::name);
	}

	public ProductEntry create(ProductRequest request) {
		Validation validation = new Validation();
		validation.name("name", request.name());
		validate(validation, request);
		if (this.products.exists(request.name())) {
			throw Conflict.duplicate("product", request.name());
		}
		this.products.insert(request.name(), request.title(), request.description(), this.clock.instant());
		ProductEntry created = product(request.name());
		this.audit.record("product.created", created.name(), null, null, created);
		return created;
	}

	public ProductEntry update(String name, ProductRequest request, String ifMatch) {
		ProductEntry before = product(name);
		ETags.check(ifMatch, before.version());
		Validation validation = new Validation();
		validation.unchanged("name", request.name(), name);
		validate(validation, request);
		if (!this.products.update(name, before.version(), request.title(), request.description())) {
			throw PreconditionFailed.concurrentUpdate();
		}
		ProductEntry after = product(name);
		this.audit.record("product.updated", name, null, before, after);
		return after;
	}

	public void delete(String name, String ifMatch) {
		ProductEntry before = product(name);
		ETags.check(ifMatch, before.version());
		List<String> members = this.services.inProduct(name);
		if (!members.isEmpty()) {
			throw Conflict.because("Product '" + name + "' still groups " + members.size() + " service(s)")
				.detail("services", members);
		}
		this.products.delete(name);
		this.audit.record("product.deleted", name, null, before, null);
	}

	private static void validate(Validation validation, ProductRequest request) {
		validation.required("title", request.title());
		validation.maxLength("title", request.title(), 200);
		validation.maxLength("description", request.description(), 4000);
		validation.throwIfInvalid();
	}

}
