package dev.steward.deployments.web;

import java.util.List;
import java.util.Map;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Page;
import dev.steward.common.Responses;
import dev.steward.common.Upsert;
import dev.steward.deployments.Deployment;
import dev.steward.deployments.DeploymentHook;
import dev.steward.deployments.DeploymentHooks;
import dev.steward.deployments.DeploymentRequest;
import dev.steward.deployments.Deployments;
import dev.steward.deployments.HookDelivery;
import dev.steward.deployments.HookRequest;
import dev.steward.deployments.InstanceRequest;
import dev.steward.deployments.ServiceInstance;
import dev.steward.deployments.ServiceInstances;
import dev.steward.deployments.VerificationRequest;
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
 * HTTP API of deployments and their progress, each service's instances per environment,
 * and its deployment hooks. Pipelines act with tokens scoped {@code deploy:<service>}.
 */
@RestController
class DeploymentController {

	private static final String DEPLOYMENTS = "/api/v1/deployments";

	private static final String DEPLOYMENT = DEPLOYMENTS + "/{id}";

	private final Deployments deployments;

	private final ServiceInstances instances;

	private final DeploymentHooks hooks;

	DeploymentController(Deployments deployments, ServiceInstances instances, DeploymentHooks hooks) {
		this.deployments = deployments;
		this.instances = instances;
		this.hooks = hooks;
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "body.service", aspect = "deployments",
			scope = "deploy")
	@PostMapping(DEPLOYMENTS)
	ResponseEntity<Deployment> request(@RequestBody DeploymentRequest request) {
		Deployment deployment = this.deployments.request(request);
		return Responses.created(DEPLOYMENTS + "/" + deployment.id(), deployment, deployment.revision());
	}

	@GetMapping(DEPLOYMENTS)
	Page<Deployment> list(@RequestParam(required = false) String service,
			@RequestParam(required = false) String environment, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return this.deployments.deployments(service, environment, status, limit, cursor);
	}

	@GetMapping(DEPLOYMENT)
	ResponseEntity<Deployment> get(@PathVariable long id) {
		Deployment deployment = this.deployments.deployment(id);
		return Responses.ok(deployment, deployment.revision());
	}

	@GetMapping(DEPLOYMENT + "/hook-deliveries")
	Map<String, List<HookDelivery>> hookDeliveries(@PathVariable long id) {
		this.deployments.deployment(id);
		return Map.of("items", this.hooks.deliveries(id));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "deployment", from = "id", scope = "deploy")
	@PostMapping(DEPLOYMENT + "/nodes/{node}")
	ResponseEntity<Deployment> node(@PathVariable long id, @PathVariable String node, @RequestBody NodeReport report) {
		return answer(this.deployments.node(id, node, report.status()));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "deployment", from = "id", scope = "deploy")
	@PostMapping(DEPLOYMENT + "/verify")
	ResponseEntity<Deployment> verify(@PathVariable long id, @RequestBody VerificationRequest request) {
		return answer(this.deployments.verify(id, request));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "deployment", from = "id", scope = "deploy")
	@PostMapping(DEPLOYMENT + "/fail")
	ResponseEntity<Deployment> fail(@PathVariable long id, @RequestBody(required = false) Reason reason) {
		return answer(this.deployments.fail(id, reason == null ? null : reason.reason()));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "deployment", from = "id", scope = "deploy")
	@PostMapping(DEPLOYMENT + "/rollback")
	ResponseEntity<Deployment> rollback(@PathVariable long id, @RequestBody(required = false) Reason reason) {
		return answer(this.deployments.rollback(id, reason == null ? null : reason.reason()));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "deployment", from = "id", scope = "deploy")
	@PostMapping(DEPLOYMENT + "/rolled-back")
	ResponseEntity<Deployment> rolledBack(@PathVariable long id) {
		return answer(this.deployments.rolledBack(id));
	}

	@GetMapping("/api/v1/services/{service}/instances")
	Map<String, List<ServiceInstance>> instances(@PathVariable String service) {
		return Map.of("items", this.instances.instances(service));
	}

	@GetMapping("/api/v1/services/{service}/instances/{environment}")
	ServiceInstance instance(@PathVariable String service, @PathVariable String environment) {
		return this.instances.instance(service, environment);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "environments")
	@PutMapping("/api/v1/services/{service}/instances/{environment}")
	ResponseEntity<ServiceInstance> putInstance(@PathVariable String service, @PathVariable String environment,
			@RequestBody InstanceRequest request) {
		Upsert<ServiceInstance> result = this.instances.put(service, environment, request);
		return Responses.upserted("/api/v1/services/" + service + "/instances/" + environment, result);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "environments")
	@DeleteMapping("/api/v1/services/{service}/instances/{environment}")
	ResponseEntity<Void> deleteInstance(@PathVariable String service, @PathVariable String environment) {
		this.instances.delete(service, environment);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/services/{service}/deployment-hooks")
	Map<String, List<DeploymentHook>> hooks(@PathVariable String service) {
		return Map.of("items", this.hooks.hooks(service));
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "deployments")
	@PostMapping("/api/v1/services/{service}/deployment-hooks")
	ResponseEntity<DeploymentHook> addHook(@PathVariable String service, @RequestBody HookRequest request) {
		DeploymentHook hook = this.hooks.add(service, request);
		return Responses.created("/api/v1/services/" + service + "/deployment-hooks/" + hook.name(), hook);
	}

	@Allow(value = Rule.TEAM_MEMBER, resource = "service", from = "service", aspect = "deployments")
	@DeleteMapping("/api/v1/services/{service}/deployment-hooks/{hook}")
	ResponseEntity<Void> removeHook(@PathVariable String service, @PathVariable String hook) {
		this.hooks.remove(service, hook);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Deployment> answer(Deployment deployment) {
		return Responses.ok(deployment, deployment.revision());
	}

	/** Body of a node's progress report. */
	record NodeReport(String status) {
	}

	/** Optional body of failing or rolling back: why. */
	record Reason(String reason) {
	}

}
