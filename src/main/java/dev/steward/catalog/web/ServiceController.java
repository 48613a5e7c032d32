package dev.steward.catalog.web;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.catalog.Dependency;
import dev.steward.catalog.DependencyRequest;
import dev.steward.catalog.OwnershipChange;
import dev.steward.catalog.Responsibility;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.catalog.ServiceFilter;
import dev.steward.catalog.ServiceRequest;
import dev.steward.catalog.Transfer;
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

/**
 * HTTP API of services, their dependencies, responsibility matrix, transfers and
 * ownership history.
 */
@RestController
@RequestMapping("/api/v1/services")
class ServiceController {

	private final ServiceCatalog catalog;

	private final JsonMapper json;

	ServiceController(ServiceCatalog catalog, JsonMapper json) {
		this.catalog = catalog;
		this.json = json;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "team", from = "body.owner")
	@PostMapping
	ResponseEntity<ServiceEntry> create(@RequestBody ServiceRequest request) {
		ServiceEntry service = this.catalog.register(request);
		return Responses.created("/api/v1/services/" + service.name(), service, service.version());
	}

	@GetMapping
	Page<ServiceEntry> list(@RequestParam(required = false) String owner, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) String product, @RequestParam(required = false) String lifecycle,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.catalog.services(new ServiceFilter(owner, tier, product, lifecycle, q), limit, cursor);
	}

	@GetMapping("/{service}")
	ResponseEntity<ServiceEntry> get(@PathVariable String service) {
		ServiceEntry entry = this.catalog.service(service);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@PutMapping("/{service}")
	ResponseEntity<ServiceEntry> put(@PathVariable String service, @RequestBody ServiceRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ServiceEntry entry = this.catalog.update(service, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@PatchMapping(path = "/{service}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<ServiceEntry> patch(@PathVariable String service, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		ServiceRequest request = MergePatch.apply(this.json, ServiceRequest.from(this.catalog.service(service)), patch,
				ServiceRequest.class);
		return put(service, request, ifMatch);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@DeleteMapping("/{service}")
	ResponseEntity<Void> delete(@PathVariable String service,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.catalog.delete(service, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{service}/dependencies")
	Items<Dependency> dependencies(@PathVariable String service) {
		return new Items<>(this.catalog.dependencies(service));
	}

	@GetMapping("/{service}/consumers")
	Items<Dependency> consumers(@PathVariable String service) {
		return new Items<>(this.catalog.consumers(service));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@PutMapping("/{service}/dependencies/{provider}")
	ResponseEntity<Dependency> putDependency(@PathVariable String service, @PathVariable String provider,
			@RequestBody DependencyRequest request) {
		return Responses.upserted("/api/v1/services/" + service + "/dependencies/" + provider,
				this.catalog.putDependency(service, provider, request));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@DeleteMapping("/{service}/dependencies/{provider}")
	ResponseEntity<Void> removeDependency(@PathVariable String service, @PathVariable String provider) {
		this.catalog.removeDependency(service, provider);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{service}/responsibilities")
	Items<Responsibility> responsibilities(@PathVariable String service) {
		return new Items<>(this.catalog.responsibilities(service));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@PutMapping("/{service}/responsibilities/{aspect}")
	Responsibility delegate(@PathVariable String service, @PathVariable String aspect,
			@RequestBody DelegationRequest request) {
		return this.catalog.delegate(service, aspect, request.handledBy());
	}

	@Allow(Rule.DELEGATED_TEAM)
	@PostMapping("/{service}/responsibilities/{aspect}/accept")
	Responsibility acceptDelegation(@PathVariable String service, @PathVariable String aspect) {
		return this.catalog.acceptDelegation(service, aspect);
	}

	@Allow(Rule.DELEGATED_TEAM)
	@PostMapping("/{service}/responsibilities/{aspect}/decline")
	Responsibility declineDelegation(@PathVariable String service, @PathVariable String aspect) {
		return this.catalog.declineDelegation(service, aspect);
	}

	@GetMapping("/{service}/transfers")
	Items<Transfer> transfers(@PathVariable String service) {
		return new Items<>(this.catalog.transfers(service));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@PostMapping("/{service}/transfers")
	ResponseEntity<Transfer> proposeTransfer(@PathVariable String service, @RequestBody TransferRequest request) {
		Transfer transfer = this.catalog.proposeTransfer(service, request.toTeam(), request.note());
		return Responses.created("/api/v1/services/" + service + "/transfers/" + transfer.id(), transfer);
	}

	@GetMapping("/{service}/transfers/{id}")
	Transfer transfer(@PathVariable String service, @PathVariable String id) {
		return this.catalog.transfer(service, id);
	}

	@Allow(Rule.RECEIVING_TEAM)
	@PostMapping("/{service}/transfers/{id}/accept")
	Transfer acceptTransfer(@PathVariable String service, @PathVariable String id) {
		return this.catalog.acceptTransfer(service, id);
	}

	@Allow(Rule.RECEIVING_TEAM)
	@PostMapping("/{service}/transfers/{id}/decline")
	Transfer declineTransfer(@PathVariable String service, @PathVariable String id) {
		return this.catalog.declineTransfer(service, id);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service")
	@PostMapping("/{service}/transfers/{id}/cancel")
	Transfer cancelTransfer(@PathVariable String service, @PathVariable String id) {
		return this.catalog.cancelTransfer(service, id);
	}

	@GetMapping("/{service}/ownership-history")
	Items<OwnershipChange> ownershipHistory(@PathVariable String service) {
		return new Items<>(this.catalog.ownershipHistory(service));
	}

	/** A bounded list answered as {@code {"items": [...]}}. */
	record Items<T>(List<T> items) {
	}

	/** Body of delegating an aspect. */
	record DelegationRequest(String handledBy) {
	}

	/** Body of proposing a transfer. */
	record TransferRequest(String toTeam, String note) {
	}

}
