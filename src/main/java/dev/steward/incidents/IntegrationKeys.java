package dev.steward.incidents;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.common.CurrentActor;
import dev.steward.common.NotFound;
import dev.steward.common.Secrets;
import dev.steward.common.Text;
import dev.steward.common.Validation;
import dev.steward.incidents.internal.IntegrationKeyStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration (routing) keys: the secret each monitoring tool sends with its events for a
 * service. A key is random, shown once, stored as a hash and revocable.
 */
@Service
@Transactional
public class IntegrationKeys {

	private final IntegrationKeyStore store;

	private final ServiceCatalog services;

	private final AuditTrail audit;

	private final Clock clock;

	IntegrationKeys(IntegrationKeyStore store, ServiceCatalog services, AuditTrail audit, Clock clock) {
		this.store = store;
		this.services = services;
		this.audit = audit;
		this.clock = clock;
	}

	public CreatedIntegrationKey create(String service, String name) {
		this.services.service(service);
		Validation validation = new Validation();
		validation.maxLength("name", name, 200);
		validation.throwIfInvalid();
		String label = Text.blankToNull(name) == null ? "Events" : name;
		String id = Secrets.randomHex(6);
		String key = Secrets.randomHex(16);
		this.store.insert(id, service, label, Secrets.hash(key), this.clock.instant(), CurrentActor.name());
		IntegrationKey created = this.store.find(service, id).orElseThrow();
		this.audit.record("integration-key.created", id, service, null, created);
		return new CreatedIntegrationKey(id, service, label, key, created.createdAt());
	}

	@Transactional(readOnly = true)
	public List<IntegrationKey> keys(String service) {
		this.services.service(service);
		return this.store.ofService(service);
	}

	public void revoke(String service, String id) {
		IntegrationKey key = this.store.find(service, id)
			.orElseThrow(() -> NotFound.because("Service '" + service + "' has no integration key " + id));
		this.store.revoke(id, this.clock.instant());
		this.audit.record("integration-key.revoked", id, service, key, this.store.find(service, id).orElseThrow());
	}

	/** The active key a secret belongs to. */
	@Transactional(readOnly = true)
	public Optional<IntegrationKey> authenticate(String secret) {
		return secret == null || secret.isBlank() ? Optional.empty() : this.store.active(Secrets.hash(secret));
	}

}
