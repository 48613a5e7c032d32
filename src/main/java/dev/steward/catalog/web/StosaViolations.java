package dev.steward.catalog.web;

import java.util.Comparator;
import java.util.List;

import dev.steward.common.Violation;
import dev.steward.common.ViolationSource;
import org.springframework.stereotype.Component;

/**
 * Every STOSA violation that the modules report, in one order, for the HTTP API and the
 * service page alike.
 */
@Component
class StosaViolations {

	private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::service)
		.thenComparing(Violation::type)
		.thenComparing(Violation::subject)
		.thenComparing(Violation::counterpart);

	private final List<ViolationSource> sources;

	StosaViolations(List<ViolationSource> sources) {
		this.sources = sources;
	}

	/** The violations that involve the service on either side, or all when it is null. */
	List<Violation> involving(String service) {
		return this.sources.stream()
			.flatMap(source -> source.violations().stream())
			.filter(violation -> service == null || violation.involves(service))
			.sorted(ORDER)
			.toList();
	}

}
