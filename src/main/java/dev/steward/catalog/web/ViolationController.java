package dev.steward.catalog.web;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Page;
import dev.steward.common.Text;
import dev.steward.common.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of STOSA violations across the catalog: what every module that finds them
 * reports, for one service (on either side of the violation) or for all.
 */
@RestController
class ViolationController {

	private final StosaViolations violations;

	private final ServiceCatalog services;

	ViolationController(StosaViolations violations, ServiceCatalog services) {
		this.violations = violations;
		this.services = services;
	}

	@GetMapping("/api/v1/violations")
	Page<Violation> violations(@RequestParam(required = false) String service) {
		String name = Text.blankToNull(service);
		if (name != null) {
			this.services.service(name);
		}
		return new Page<>(this.violations.involving(name), null);
	}

}
