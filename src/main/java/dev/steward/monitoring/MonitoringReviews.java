package dev.steward.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.common.CurrentActor;
import dev.steward.common.Cursor;
import dev.steward.common.InvalidInput;
import dev.steward.common.NotFound;
import dev.steward.common.Page;
import dev.steward.common.Validation;
import dev.steward.monitoring.internal.MonitorStore;
import dev.steward.monitoring.internal.ReviewStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of each service's monitoring, due on a cadence set by the service's tier: a
 * review records who, when and what they found, and sets the next due date a cadence
 * later. A service never reviewed is due a cadence after it was registered; a retired one
 * needs no review.
 */
@Service
@Transactional
public class MonitoringReviews {

	private static final int MAX_FINDINGS = 10_000;

	private static final int MAX_MONITORS_REVIEWED = 100;

	private final ReviewStore reviews;

	private final MonitorStore monitors;

	private final ServiceCatalog services;

	private final ReviewCadence cadence;

	private final AuditTrail audit;

	private final Clock clock;

	MonitoringReviews(ReviewStore reviews, MonitorStore monitors, ServiceCatalog services, ReviewCadence cadence,
			AuditTrail audit, Clock clock) {
		this.reviews = reviews;
		this.monitors = monitors;
		this.services = services;
		this.cadence = cadence;
		this.audit = audit;
		this.clock = clock;
	}

	/** Records a review of the service's monitoring by the current actor, now. */
	public MonitoringReview record(String service, ReviewRequest request) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.required("findings", request.findings());
		validation.maxLength("findings", request.findings(), MAX_FINDINGS);
		List<String> reviewed = request.monitorsReviewed() == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(request.monitorsReviewed()));
		if (reviewed.size() > MAX_MONITORS_REVIEWED) {
			validation.error("monitorsReviewed", "must name at most " + MAX_MONITORS_REVIEWED + " monitors");
		}
		else if (reviewed.stream().anyMatch(name -> !Validation.isName(name))) {
			validation.error("monitorsReviewed", "must be names of monitors (lower-case slugs)");
		}
		validation.throwIfInvalid();
		List<String> unknown = new ArrayList<>(reviewed);
		unknown.removeAll(this.monitors.names(service));
		if (!unknown.isEmpty()) {
			throw InvalidInput.field("monitorsReviewed",
					"names no monitor of '" + service + "': " + String.join(", ", unknown));
		}
		MonitoringReview draft = new MonitoringReview(0, service, CurrentActor.name(), this.clock.instant(),
				request.findings(), reviewed);
		MonitoringReview review = this.reviews.find(this.reviews.insert(draft)).orElseThrow();
		this.audit.record("monitoring-review.recorded", service + "/monitoring-reviews/" + review.id(), service, null,
				review);
		return review;
	}

	/** The service's reviews, newest first. */
	@Transactional(readOnly = true)
	public Page<MonitoringReview> reviews(String service, Integer limit, String cursor) {
		this.services.service(service);
		int size = Cursor.limit(limit);
		return Page.of(this.reviews.page(service, Cursor.decodeNumber(cursor), size + 1), size,
				review -> Long.toString(review.id()));
	}

	@Transactional(readOnly = true)
	public MonitoringReview review(String service, long id) {
		return this.reviews.find(id)
			.filter(review -> review.service().equals(service))
			.orElseThrow(() -> NotFound.because("No monitoring review " + id + " of service '" + service + "'"));
	}

	/** The service's monitors, last review, cadence and next due date. */
	@Transactional(readOnly = true)
	public MonitoringStatus status(String service) {
		ServiceEntry entry = this.services.service(service);
		MonitoringReview last = this.reviews.last(service).orElse(null);
		Instant now = this.clock.instant();
		Instant due = this.cadence.due(entry, last == null ? null : last.at());
		boolean overdue = due != null && now.isAfter(due);
		return new MonitoringStatus(service, entry.owner(), entry.tier(),
				ReviewCadence.text(this.cadence.cadence(entry.tier())), this.monitors.of(service), last, due, overdue,
				overdue ? Duration.between(due, now).toDays() : 0);
	}

	/**
	 * Every service whose review is overdue, optionally only those of one owning team,
	 * longest overdue first.
	 */
	@Transactional(readOnly = true)
	public List<OverdueReview> overdue(String owner) {
		Instant now = this.clock.instant();
		Map<String, MonitoringReview> last = this.reviews.lastOfEach();
		ServiceFilter filter = new ServiceFilter(owner, null, null, null, null);
		List<OverdueReview> overdue = new ArrayList<>();
		String cursor = null;
		do {
			Page<ServiceEntry> page = this.services.services(filter, Cursor.MAX_LIMIT, cursor);
			for (ServiceEntry service : page.items()) {
				MonitoringReview review = last.get(service.name());
				Instant due = this.cadence.due(service, review == null ? null : review.at());
				if (due != null && now.isAfter(due)) {
					overdue.add(new OverdueReview(service.name(), service.title(), service.owner(), service.tier(),
							ReviewCadence.text(this.cadence.cadence(service.tier())),
							review == null ? null : review.at(), review == null ? null : review.reviewer(), due,
							Duration.between(due, now).toDays()));
				}
			}
			cursor = page.nextCursor();
		}
		while (cursor != null);
		overdue.sort(Comparator.comparing(OverdueReview::due).thenComparing(OverdueReview::service));
		return overdue;
	}

}
