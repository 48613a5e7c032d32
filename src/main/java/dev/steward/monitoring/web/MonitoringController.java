package dev.steward.monitoring.web;

import java.util.List;
import java.util.Map;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.common.Text;
import dev.steward.monitoring.Monitor;
import dev.steward.monitoring.MonitorRequest;
import dev.steward.monitoring.MonitoringReview;
import dev.steward.monitoring.MonitoringReviews;
import dev.steward.monitoring.MonitoringStatus;
import dev.steward.monitoring.Monitors;
import dev.steward.monitoring.OverdueReview;
import dev.steward.monitoring.ReviewRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of monitoring: each service's monitors, its monitoring reviews and where they
 * stand, and the overdue reviews across the organization. The owning team (or the team
 * that accepted its monitoring) changes monitors and records reviews.
 */
@RestController
class MonitoringController {

	private static final String SERVICE = "/api/v1/services/{service}";

	private static final String MONITORS = SERVICE + "/monitors";

	private static final String REVIEWS = SERVICE + "/monitoring-reviews";

	private final Monitors monitors;

	private final MonitoringReviews reviews;

	MonitoringController(Monitors monitors, MonitoringReviews reviews) {
		this.monitors = monitors;
		this.reviews = reviews;
	}

	@GetMapping(MONITORS)
	Map<String, List<Monitor>> monitors(@PathVariable String service) {
		return Map.of("items", this.monitors.monitors(service));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "monitoring")
	@PostMapping(MONITORS)
	ResponseEntity<Monitor> add(@PathVariable String service, @RequestBody MonitorRequest request) {
		Monitor monitor = this.monitors.add(service, request);
		return Responses.created(location(service, monitor), monitor);
	}

	@GetMapping(MONITORS + "/{monitor}")
	Monitor monitor(@PathVariable String service, @PathVariable String monitor) {
		return this.monitors.monitor(service, monitor);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "monitoring")
	@PutMapping(MONITORS + "/{monitor}")
	ResponseEntity<Monitor> put(@PathVariable String service, @PathVariable String monitor,
			@RequestBody MonitorRequest request) {
		return Responses.upserted("/api/v1/services/" + service + "/monitors/" + monitor,
				this.monitors.put(service, monitor, request));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "monitoring")
	@DeleteMapping(MONITORS + "/{monitor}")
	ResponseEntity<Void> remove(@PathVariable String service, @PathVariable String monitor) {
		this.monitors.remove(service, monitor);
		return ResponseEntity.noContent().build();
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "monitoring")
	@PostMapping(REVIEWS)
	ResponseEntity<MonitoringReview> review(@PathVariable String service, @RequestBody ReviewRequest request) {
		MonitoringReview review = this.reviews.record(service, request);
		return Responses.created("/api/v1/services/" + service + "/monitoring-reviews/" + review.id(), review);
	}

	@GetMapping(REVIEWS)
	Page<MonitoringReview> reviews(@PathVariable String service, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.reviews.reviews(service, limit, cursor);
	}

	@GetMapping(REVIEWS + "/{id}")
	MonitoringReview review(@PathVariable String service, @PathVariable long id) {
		return this.reviews.review(service, id);
	}

	@GetMapping(SERVICE + "/monitoring")
	MonitoringStatus status(@PathVariable String service) {
		return this.reviews.status(service);
	}

	@GetMapping("/api/v1/monitoring-reviews/overdue")
	Map<String, List<OverdueReview>> overdue(@RequestParam(required = false) String owner) {
		return Map.of("items", this.reviews.overdue(Text.blankToNull(owner)));
	}

	private static String location(String service, Monitor monitor) {
		return "/api/v1/services/" + service + "/monitors/" + monitor.name();
	}

}
