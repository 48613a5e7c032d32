package dev.steward.incidents.web;

import java.util.List;
import java.util.Map;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Responses;
import dev.steward.incidents.CreatedIntegrationKey;
import dev.steward.incidents.IntegrationKey;
import dev.steward.incidents.IntegrationKeys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HTTP API of a service's integration keys. */
@RestController
@RequestMapping("/api/v1/services/{service}/integration-keys")
class IntegrationKeyController {

	private final IntegrationKeys keys;

	IntegrationKeyController(IntegrationKeys keys) {
		this.keys = keys;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "incident-response")
	@PostMapping
	ResponseEntity<CreatedIntegrationKey> create(@PathVariable String service,
			@RequestBody(required = false) KeyRequest request) {
		CreatedIntegrationKey key = this.keys.create(service, request == null ? null : request.name());
		return Responses.created("/api/v1/services/" + service + "/integration-keys/" + key.id(), key);
	}

	@GetMapping
	Map<String, List<IntegrationKey>> list(@PathVariable String service) {
		return Map.of("items", this.keys.keys(service));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "incident-response")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String service, @PathVariable String id) {
		this.keys.revoke(service, id);
		return ResponseEntity.noContent().build();
	}

	/** Body of creating a key: an optional label. */
	record KeyRequest(String name) {
	}

}
