package dev.steward.catalog.web;

import java.util.Comparator;
import java.util.List;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Page;
import dev.steward.common.Text;
import dev.steward.common.Violation;
import dev.steward.common.ViolationSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of STOSA violations across the catalog: what every module that finds them
 * reports, for one service (on either side of the violation) or for all.
 */
@RestController
class ViolationController {

	private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::service)
		.thenComparing(Violation::type)
		.thenComparing(Violation::subject)
		.thenComparing(Violation::counterpart);

	private final List<ViolationSource> sources;

	private final ServiceCatalog services;

	ViolationController(List<ViolationSource> sources, ServiceCatalog services) {
		this.sources = sources;
		this.services = services;
	}

	@GetMapping("/api/v1/violations")
	Page<Violation> violations(@RequestParam(required = false) String service) {
		String name = Text.blankToNull(service);
		if (name != null) {
			this.services.service(name);
		}
		List<Violation> found = this.sources.stream()
			.flatMap(source -> source.violations().stream())
			.filter(violation -> name == null || violation.involves(name))
			.sorted(ORDER)
			.toList();
		return new Page<>(found, null);
	}

}
