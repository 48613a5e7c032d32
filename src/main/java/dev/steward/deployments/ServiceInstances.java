package dev.steward.deployments;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.NotFound;
import dev.steward.common.Upsert;
import dev.steward.common.Validation;
import dev.steward.deployments.internal.InstanceStore;
import dev.steward.environments.Environments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each service's instances per environment; deployments keep their current version. */
@Service
@Transactional
public class ServiceInstances {

	static final int MAX_NODES = 500;

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private final InstanceStore store;

	private final ServiceCatalog services;

	private final Environments environments;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	ServiceInstances(InstanceStore store, ServiceCatalog services, Environments environments, AuditTrail audit,
			JsonMapper json, Clock clock) {
		this.store = store;
		this.services = services;
		this.environments = environments;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** The service's instances in promotion order. */
	@Transactional(readOnly = true)
	public List<ServiceInstance> instances(String service) {
		this.services.service(service);
		return this.store.ofService(service).stream().map(this::instance).toList();
	}

	/**
	 * The instances in any of {@code environments}, of one service or (when
	 * {@code service} is null) of every service.
	 */
	@Transactional(readOnly = true)
	public List<ServiceInstance> inEnvironments(Collection<String> environments, String service) {
		return this.store.inEnvironments(environments, service).stream().map(this::instance).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ServiceInstance> find(String service, String environment) {
		return this.store.find(service, environment).map(this::instance);
	}

	@Transactional(readOnly = true)
	public ServiceInstance instance(String service, String environment) {
		return find(service, environment)
			.orElseThrow(() -> NotFound.because("Service '" + service + "' has no instance in '" + environment + "'"));
	}

	public Upsert<ServiceInstance> put(String service, String environment, InstanceRequest request) {
		this.services.service(service);
		this.environments.environment(environment);
		Validation validation = new Validation();
		validation.httpUrl("url", request.url(), false);
		validation.maxLength("region", request.region(), 100);
		List<String> nodes = request.nodes() == null ? List.of() : request.nodes();
		validateNodes(validation, "nodes", nodes);
		validation.throwIfInvalid();
		Optional<ServiceInstance> before = find(service, environment);
		boolean created = this.store.upsert(new InstanceStore.Row(service, environment, request.url(), request.region(),
				this.json.writeValueAsString(nodes), null, this.clock.instant(), 0));
		ServiceInstance after = instance(service, environment);
		this.audit.record(created ? "service-instance.created" : "service-instance.updated",
				service + "/" + environment, service, before.orElse(null), after);
		return new Upsert<>(after, created);
	}

	/**
	 * Records the version that now runs in the environment, after a deployment or
	 * rollback.
	 */
	void recordVersion(String service, String environment, String version, Instant at) {
		this.store.setCurrentVersion(service, environment, version, at);
	}

	public void delete(String service, String environment) {
		ServiceInstance before = instance(service, environment);
		this.store.delete(service, environment);
		this.audit.record("service-instance.deleted", service + "/" + environment, service, before, null);
	}

	/** Node names: each a non-blank text of at most 200 characters, no duplicates. */
	static void validateNodes(Validation validation, String field, List<String> nodes) {
		if (nodes.size() > MAX_NODES) {
			validation.error(field, "must name at most " + MAX_NODES + " nodes");
			return;
		}
		for (int i = 0; i < nodes.size(); i++) {
			String node = nodes.get(i);
			if (node == null || node.isBlank() || node.length() > 200 || node.contains("/")) {
				validation.error(field + "[" + i + "]", "must be a node name of 1 to 200 characters without '/'");
			}
		}
		if (nodes.stream().distinct().count() != nodes.size()) {
			validation.error(field, "must not name a node twice");
		}
	}

	private ServiceInstance instance(InstanceStore.Row row) {
		return new ServiceInstance(row.service(), row.environment(), row.url(), row.region(),
				this.json.readValue(row.nodes(), NAMES), row.currentVersion(), row.updatedAt());
	}

}
