package dev.steward.manifests.web;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.manifests.ApplyRequest;
import dev.steward.manifests.ApplyResult;
import dev.steward.manifests.CatalogApply;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/apply}: plans and applies a batch of catalog documents in one
 * transaction.
 */
@RestController
class ApplyController {

	private final CatalogApply apply;

	ApplyController(CatalogApply apply) {
		this.apply = apply;
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping("/api/v1/apply")
	ApplyResult apply(@RequestBody ApplyRequest request) {
		return this.apply.apply(request);
	}

}
