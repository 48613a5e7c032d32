package dev.steward.environments.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.environments.EnvironmentEntry;
import dev.steward.environments.EnvironmentRequest;
import dev.steward.environments.Environments;
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

/** HTTP API of the organization's environments; administrators define them. */
@RestController
class EnvironmentController {

	private static final String ENVIRONMENTS = "/api/v1/environments";

	private final Environments environments;

	private final JsonMapper json;

	EnvironmentController(Environments environments, JsonMapper json) {
		this.environments = environments;
		this.json = json;
	}

	@Allow(Rule.ADMIN)
	@PostMapping(ENVIRONMENTS)
	ResponseEntity<EnvironmentEntry> create(@RequestBody EnvironmentRequest request) {
		EnvironmentEntry created = this.environments.create(request);
		return Responses.created(ENVIRONMENTS + "/" + created.name(), created, created.version());
	}

	@GetMapping(ENVIRONMENTS)
	Page<EnvironmentEntry> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.environments.environments(limit, cursor);
	}

	@GetMapping(ENVIRONMENTS + "/{environment}")
	ResponseEntity<EnvironmentEntry> get(@PathVariable String environment) {
		EnvironmentEntry entry = this.environments.environment(environment);
		return Responses.ok(entry, entry.version());
	}

	@Allow(Rule.ADMIN)
	@PutMapping(ENVIRONMENTS + "/{environment}")
	ResponseEntity<EnvironmentEntry> put(@PathVariable String environment, @RequestBody EnvironmentRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		EnvironmentEntry entry = this.environments.update(environment, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(Rule.ADMIN)
	@PatchMapping(path = ENVIRONMENTS + "/{environment}",
			consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<EnvironmentEntry> patch(@PathVariable String environment, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		EnvironmentRequest request = MergePatch.apply(this.json,
				EnvironmentRequest.from(this.environments.environment(environment)), patch, EnvironmentRequest.class);
		return put(environment, request, ifMatch);
	}

	@Allow(Rule.ADMIN)
	@DeleteMapping(ENVIRONMENTS + "/{environment}")
	ResponseEntity<Void> delete(@PathVariable String environment,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.environments.delete(environment, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
