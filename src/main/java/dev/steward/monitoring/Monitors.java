package dev.steward.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.Conflict;
import dev.steward.common.NotFound;
import dev.steward.common.Text;
import dev.steward.common.Upsert;
import dev.steward.common.Validation;
import dev.steward.slas.Slos;
import dev.steward.monitoring.internal.MonitorStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitors of each service: what each watches, where to look at it and which SLO it
 * covers. The SLO is named, not checked against the service's SLOs, so that a monitor can
 * be declared before its SLO.
 */
@Service
@Transactional
public class Monitors {

	private static final int MAX_TEXT = 200;

	private static final int MAX_DESCRIPTION = 2000;

	private final MonitorStore store;

	private final ServiceCatalog services;

	private final Slos slos;

	private final AuditTrail audit;

	private final Clock clock;

	Monitors(MonitorStore store, ServiceCatalog services, Slos slos, AuditTrail audit, Clock clock) {
		this.store = store;
		this.services = services;
		this.slos = slos;
		this.audit = audit;
		this.clock = clock;
	}

	/** The service's monitors by name. */
	@Transactional(readOnly = true)
	public List<Monitor> monitors(String service) {
		this.services.service(service);
		return this.store.of(service);
	}

	/**
	 * How many monitors each service has, by service; services without any are absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> countByService() {
		return this.store.countByService();
	}

	@Transactional(readOnly = true)
	public Monitor monitor(String service, String name) {
		this.services.service(service);
		return this.store.find(service, name).orElseThrow(() -> notFound(service, name));
	}

	/** Adds a monitor; a second one of the same name is a conflict. */
	public Monitor add(String service, MonitorRequest request) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.name("name", request.name());
		Watch watches = validate(validation, service, request);
		validation.throwIfInvalid();
		if (this.store.find(service, request.name()).isPresent()) {
			throw Conflict.duplicate("monitor", request.name());
		}
		Instant now = this.clock.instant();
		Monitor monitor = new Monitor(service, request.name(), Text.blankToNull(request.title()), watches,
				Text.blankToNull(request.description()), Text.blankToNull(request.link()),
				Text.blankToNull(request.slo()), now, now);
		this.store.insert(monitor);
		Monitor stored = stored(service, monitor.name());
		this.audit.record("monitor.created", target(service, monitor.name()), service, null, stored);
		return stored;
	}

	/**
	 * Adds the monitor named {@code name} or replaces what it says; the body may repeat
	 * the name but not change it.
	 */
	public Upsert<Monitor> put(String service, String name, MonitorRequest request) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.name("name", name);
		validation.unchanged("name", request.name(), name);
		Watch watches = validate(validation, service, request);
		validation.throwIfInvalid();
		Instant now = this.clock.instant();
		Optional<Monitor> before = this.store.find(service, name);
		Monitor monitor = new Monitor(service, name, Text.blankToNull(request.title()), watches,
				Text.blankToNull(request.description()), Text.blankToNull(request.link()),
				Text.blankToNull(request.slo()), before.map(Monitor::createdAt).orElse(now), now);
		if (before.isPresent()) {
			this.store.update(monitor);
		}
		else {
			this.store.insert(monitor);
		}
		Monitor stored = stored(service, name);
		this.audit.record(before.isPresent() ? "monitor.updated" : "monitor.created", target(service, name), service,
				before.orElse(null), stored);
		return new Upsert<>(stored, before.isEmpty());
	}

	public void remove(String service, String name) {
		Monitor before = monitor(service, name);
		this.store.delete(service, name);
		this.audit.record("monitor.deleted", target(service, name), service, before, null);
	}

	private Watch validate(Validation validation, String service, MonitorRequest request) {
		Watch watches = validation.keyed("watches", request.watches(), Watch.class, true);
		validation.maxLength("title", request.title(), MAX_TEXT);
		validation.maxLength("description", request.description(), MAX_DESCRIPTION);
		validation.httpUrl("link", request.link(), false);
		String slo = Text.blankToNull(request.slo());
		validation.optionalName("slo", slo);
		if (slo != null && Validation.isName(slo) && this.slos.findSlo(service, slo).isEmpty()) {
			validation.error("slo", "names no SLO of " + service + ": '" + slo + "'");
		}
		return watches;
	}

	/** The monitor as stored, with its times to the precision the database keeps. */
	private Monitor stored(String service, String name) {
		return this.store.find(service, name).orElseThrow();
	}

	private static String target(String service, String name) {
		return service + "/monitors/" + name;
	}

	private static NotFound notFound(String service, String name) {
		return NotFound.because("No monitor named '" + name + "' on service '" + service + "'");
	}

}
