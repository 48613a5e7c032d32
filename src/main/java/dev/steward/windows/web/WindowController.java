package dev.steward.windows.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.ICalendar;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.windows.Gate;
import dev.steward.windows.GateDecision;
import dev.steward.windows.WindowEntry;
import dev.steward.windows.WindowOccurrence;
import dev.steward.windows.WindowRequest;
import dev.steward.windows.Windows;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API of deployment windows, when they are active, the blackout feed, and the gate.
 * Who may change a window depends on its scope, which the windows module checks.
 */
@RestController
class WindowController {

	private static final String WINDOWS = "/api/v1/windows";

	private final Windows windows;

	private final Gate gate;

	private final JsonMapper json;

	WindowController(Windows windows, Gate gate, JsonMapper json) {
		this.windows = windows;
		this.gate = gate;
		this.json = json;
	}

	@GetMapping("/api/v1/gate")
	GateDecision gate(@RequestParam String service, @RequestParam String environment,
			@RequestParam(required = false) Instant at) {
		return this.gate.decide(service, environment, at);
	}

	@Allow(Rule.SIGNED_IN)
	@PostMapping(WINDOWS)
	ResponseEntity<WindowEntry> create(@RequestBody WindowRequest request) {
		WindowEntry created = this.windows.create(request);
		return Responses.created(WINDOWS + "/" + created.name(), created, created.version());
	}

	@GetMapping(WINDOWS)
	Page<WindowEntry> list(@RequestParam(required = false) String service, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.windows.windows(service, scope, kind, limit, cursor);
	}

	@GetMapping(WINDOWS + "/occurrences")
	Map<String, List<WindowOccurrence>> occurrences(@RequestParam(required = false) String service,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant until) {
		return Map.of("items", this.windows.occurrences(service, from, until));
	}

	@GetMapping(path = WINDOWS + "/blackouts.ics", produces = ICalendar.MEDIA_TYPE)
	String blackouts(@RequestParam(required = false) String service) {
		return this.windows.blackoutCalendar(service);
	}

	@GetMapping(WINDOWS + "/{window}")
	ResponseEntity<WindowEntry> get(@PathVariable String window) {
		WindowEntry entry = this.windows.window(window);
		return Responses.ok(entry, entry.version());
	}

	@Allow(Rule.SIGNED_IN)
	@PutMapping(WINDOWS + "/{window}")
	ResponseEntity<WindowEntry> put(@PathVariable String window, @RequestBody WindowRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		WindowEntry entry = this.windows.update(window, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(Rule.SIGNED_IN)
	@PatchMapping(path = WINDOWS + "/{window}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<WindowEntry> patch(@PathVariable String window, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		WindowRequest request = MergePatch.apply(this.json, WindowRequest.from(this.windows.window(window)), patch,
				WindowRequest.class);
		return put(window, request, ifMatch);
	}

	@Allow(Rule.SIGNED_IN)
	@DeleteMapping(WINDOWS + "/{window}")
	ResponseEntity<Void> delete(@PathVariable String window,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.windows.delete(window, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
