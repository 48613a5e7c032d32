package dev.steward.deployments;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Conflict;
import dev.steward.common.CurrentActor;
import dev.steward.common.NotFound;
import dev.steward.common.Secrets;
import dev.steward.common.Validation;
import dev.steward.deployments.internal.HookDeliveryTask;
import dev.steward.deployments.internal.HookStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service's deployment hooks: each transition of its deployments is posted to every
 * hook as signed JSON, once, by a durable timer that retries with back-off.
 */
@Service
@Transactional
public class DeploymentHooks {

	private static final int MAX_HOOKS = 20;

	private final HookStore store;

	private final ServiceCatalog services;

	private final SchedulerClient timers;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	DeploymentHooks(HookStore store, ServiceCatalog services, SchedulerClient timers, AuditTrail audit, JsonMapper json,
			Clock clock) {
		this.store = store;
		this.services = services;
		this.timers = timers;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<DeploymentHook> hooks(String service) {
		this.services.service(service);
		return this.store.ofService(service).stream().map(hook -> shown(hook, false)).toList();
	}

	/** Adds a hook; the answer is the only one that shows its secret. */
	public DeploymentHook add(String service, HookRequest request) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.name("name", request.name());
		validation.httpUrl("url", request.url(), true);
		if (request.secret() != null && (request.secret().length() < 16 || request.secret().length() > 200)) {
			validation.error("secret", "must be 16 to 200 characters");
		}
		validation.throwIfInvalid();
		if (this.store.find(service, request.name()).isPresent()) {
			throw Conflict.duplicate("deployment hook of " + service, request.name());
		}
		if (this.store.ofService(service).size() >= MAX_HOOKS) {
			throw Conflict.because("Service '" + service + "' already has " + MAX_HOOKS + " deployment hooks");
		}
		String secret = request.secret() != null ? request.secret() : Secrets.randomHex(32);
		HookStore.Hook hook = new HookStore.Hook(service, request.name(), request.url(), secret, this.clock.instant(),
				CurrentActor.name());
		this.store.insert(hook);
		this.audit.record("deployment-hook.created", service + "/" + request.name(), service, null, shown(hook, false));
		return shown(hook, true);
	}

	public void remove(String service, String name) {
		HookStore.Hook hook = this.store.find(service, name)
			.orElseThrow(() -> NotFound.because("Service '" + service + "' has no deployment hook '" + name + "'"));
		this.store.delete(service, name);
		this.audit.record("deployment-hook.deleted", service + "/" + name, service, shown(hook, false), null);
	}

	/** The posts of a deployment's events to hooks, in the order they were planned. */
	@Transactional(readOnly = true)
	public List<HookDelivery> deliveries(long deployment) {
		return this.store.ofDeployment(deployment)
			.stream()
			.map(row -> new HookDelivery(row.id(), row.deployment(), row.hook(), row.event(), row.status(),
					row.attempts(), row.lastError(), row.dueAt(), row.sentAt()))
			.toList();
	}

	/** Plans a post of {@code event} to each hook of the deployment's service. */
	void announce(Deployment deployment, String event) {
		Instant now = this.clock.instant();
		List<HookStore.Hook> hooks = this.store.ofService(deployment.service());
		if (hooks.isEmpty()) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", event);
		payload.put("at", now);
		payload.put("deployment", deployment);
		String body = this.json.writeValueAsString(payload);
		for (HookStore.Hook hook : hooks) {
			long id = this.store.plan(new HookStore.Delivery(0, deployment.id(), hook.service(), hook.name(),
					hook.url(), event, body, HookStore.PENDING, 0, null, now, null), now);
			this.timers.schedule(new TaskInstance<Void>(HookDeliveryTask.NAME, Long.toString(id)), now);
		}
	}

	private static DeploymentHook shown(HookStore.Hook hook, boolean withSecret) {
		return new DeploymentHook(hook.service(), hook.name(), hook.url(), withSecret ? hook.secret() : null,
				hook.createdAt(), hook.createdBy());
	}

}
