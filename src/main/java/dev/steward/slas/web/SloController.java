package dev.steward.slas.web;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Responses;
import dev.steward.slas.SampleRequest;
import dev.steward.slas.SloEntry;
import dev.steward.slas.SloRequest;
import dev.steward.slas.SloStatus;
import dev.steward.slas.Slos;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of a service's SLOs and their pushed SLI counts. The owning team (or the team
 * that accepted its {@code slas} delegation) defines them; a token scoped
 * {@code events:<service>} may push counts, as monitoring pushes events.
 */
@RestController
class SloController {

	private static final String SLOS = "/api/v1/services/{service}/slos";

	private final Slos slos;

	private final JsonMapper json;

	SloController(Slos slos, JsonMapper json) {
		this.slos = slos;
		this.json = json;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "slas")
	@PostMapping(SLOS)
	ResponseEntity<SloEntry> create(@PathVariable String service, @RequestBody SloRequest request) {
		SloEntry created = this.slos.create(service, request);
		return Responses.created("/api/v1/services/" + service + "/slos/" + created.name(), created, created.version());
	}

	@GetMapping(SLOS)
	Map<String, List<SloEntry>> list(@PathVariable String service) {
		return Map.of("items", this.slos.slos(service));
	}

	/**
	 * The service's SLOs as Prometheus rule groups; the literal segment wins over
	 * {@code {slo}}, and no SLO may be named so.
	 */
	@GetMapping(path = SLOS + "/prometheus-rules", produces = { "application/yaml", "text/yaml" })
	String prometheusRules(@PathVariable String service) {
		return this.slos.prometheusRules(service);
	}

	@GetMapping(SLOS + "/{slo}")
	ResponseEntity<SloStatus> status(@PathVariable String service, @PathVariable String slo) {
		SloEntry entry = this.slos.slo(service, slo);
		return Responses.ok(this.slos.status(service, slo), entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "slas")
	@PutMapping(SLOS + "/{slo}")
	ResponseEntity<SloEntry> put(@PathVariable String service, @PathVariable String slo,
			@RequestBody SloRequest request, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		SloEntry entry = this.slos.update(service, slo, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "slas")
	@PatchMapping(path = SLOS + "/{slo}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<SloEntry> patch(@PathVariable String service, @PathVariable String slo, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		SloRequest request = MergePatch.apply(this.json, SloRequest.from(this.slos.slo(service, slo)), patch,
				SloRequest.class);
		return put(service, slo, request, ifMatch);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "slas")
	@DeleteMapping(SLOS + "/{slo}")
	ResponseEntity<Void> delete(@PathVariable String service, @PathVariable String slo,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.slos.delete(service, slo, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "slas", scope = "events")
	@PostMapping(SLOS + "/{slo}/samples")
	SloStatus samples(@PathVariable String service, @PathVariable String slo, @RequestBody SampleRequest request) {
		return this.slos.record(service, slo, request);
	}

}
