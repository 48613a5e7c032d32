package dev.steward.oncall.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.MergePatch;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.oncall.EscalationPolicies;
import dev.steward.oncall.EscalationPolicyEntry;
import dev.steward.oncall.EscalationPolicyRequest;
import dev.steward.oncall.ServiceOnCall;
import dev.steward.oncall.ServicePolicyRequest;
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

/** HTTP API of escalation policies, each service's policy, and who is on call for it. */
@RestController
class EscalationPolicyController {

	private static final String POLICIES = "/api/v1/escalation-policies";

	private final EscalationPolicies policies;

	private final JsonMapper json;

	EscalationPolicyController(EscalationPolicies policies, JsonMapper json) {
		this.policies = policies;
		this.json = json;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "team", from = "body.team")
	@PostMapping(POLICIES)
	ResponseEntity<EscalationPolicyEntry> create(@RequestBody EscalationPolicyRequest request) {
		EscalationPolicyEntry policy = this.policies.create(request);
		return Responses.created(POLICIES + "/" + policy.name(), policy, policy.version());
	}

	@GetMapping(POLICIES)
	Page<EscalationPolicyEntry> list(@RequestParam(required = false) String team,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.policies.policies(team, limit, cursor);
	}

	@GetMapping(POLICIES + "/{policy}")
	ResponseEntity<EscalationPolicyEntry> get(@PathVariable String policy) {
		EscalationPolicyEntry entry = this.policies.policy(policy);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "escalation-policy", from = "policy")
	@PutMapping(POLICIES + "/{policy}")
	ResponseEntity<EscalationPolicyEntry> put(@PathVariable String policy, @RequestBody EscalationPolicyRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		EscalationPolicyEntry entry = this.policies.update(policy, request, ifMatch);
		return Responses.ok(entry, entry.version());
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "escalation-policy", from = "policy")
	@PatchMapping(path = POLICIES + "/{policy}", consumes = { "application/merge-patch+json", "application/json" })
	ResponseEntity<EscalationPolicyEntry> patch(@PathVariable String policy, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		EscalationPolicyRequest request = MergePatch.apply(this.json,
				EscalationPolicyRequest.from(this.policies.policy(policy)), patch, EscalationPolicyRequest.class);
		return put(policy, request, ifMatch);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "escalation-policy", from = "policy")
	@DeleteMapping(POLICIES + "/{policy}")
	ResponseEntity<Void> delete(@PathVariable String policy,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		this.policies.delete(policy, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/services/{service}/escalation-policy")
	Map<String, Object> servicePolicy(@PathVariable String service) {
		Map<String, Object> answer = new HashMap<>();
		answer.put("policy", this.policies.policyOf(service).orElse(null));
		return answer;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "incident-response")
	@PutMapping("/api/v1/services/{service}/escalation-policy")
	Map<String, Object> assign(@PathVariable String service, @RequestBody ServicePolicyRequest request) {
		this.policies.assign(service, request);
		return servicePolicy(service);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "incident-response")
	@DeleteMapping("/api/v1/services/{service}/escalation-policy")
	ResponseEntity<Void> unassign(@PathVariable String service) {
		this.policies.unassign(service);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/services/{service}/oncall")
	ServiceOnCall serviceOnCall(@PathVariable String service, @RequestParam(required = false) Instant at) {
		return this.policies.onCall(service, at);
	}

	@GetMapping("/api/v1/oncall")
	Map<String, List<ServiceOnCall>> everywhere(@RequestParam(required = false) Instant at) {
		return Map.of("items", this.policies.onCallEverywhere(at));
	}

}
