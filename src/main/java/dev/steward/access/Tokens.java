package dev.steward.access;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.steward.access.internal.ApiTokens;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.UserEntry;
import dev.steward.common.NotFound;
import dev.steward.common.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' API tokens: created with 32 random bytes behind the {@code stw_} prefix and
 * shown once, stored only as a hash, optionally expiring, revoked with immediate effect.
 */
@Service
@Transactional
public class Tokens {

	private final ApiTokens tokens;

	private final Directory directory;

	private final ServiceCatalog services;

	private final AuditTrail audit;

	private final Clock clock;

	Tokens(ApiTokens tokens, Directory directory, ServiceCatalog services, AuditTrail audit, Clock clock) {
		this.tokens = tokens;
		this.directory = directory;
		this.services = services;
		this.audit = audit;
		this.clock = clock;
	}

	public CreatedToken create(String user, String name, List<String> scopes, Instant expiresAt) {
		UserEntry owner = this.directory.user(user);
		Instant now = this.clock.instant();
		Validation validation = new Validation();
		if (validation.required("name", name)) {
			validation.maxLength("name", name, 100);
		}
		Set<String> granted = new LinkedHashSet<>();
		if (scopes == null || scopes.isEmpty()) {
			validation.error("scopes", "name at least one of read, write, admin, events:<service>, deploy:<service>");
		}
		else {
			for (int i = 0; i < scopes.size(); i++) {
				String scope = scopes.get(i);
				String field = "scopes[" + i + "]";
				String service = scope == null ? null : Scopes.serviceOf(scope);
				if (scope == null || (!Scopes.isBroad(scope) && service == null)) {
					validation.error(field, "must be read, write, admin, events:<service> or deploy:<service>");
				}
				else if (Scopes.ADMIN.equals(scope) && !owner.admin()) {
					validation.error(field, "only an administrator's token can have the admin scope");
				}
				else if (service != null && !this.services.exists(service)) {
					validation.error(field, "no service named '" + service + "'");
				}
				else {
					granted.add(scope);
				}
			}
		}
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			validation.error("expiresAt", "must lie in the future");
		}
		validation.throwIfInvalid();
		String secret = ApiTokens.newSecret();
		String id = UUID.randomUUID().toString();
		this.tokens.insert(id, user, name, secret, granted, now, expiresAt);
		TokenInfo info = this.tokens.find(user, id).orElseThrow();
		this.audit.record("token.created", user + "/tokens/" + id, null, null, info);
		return new CreatedToken(id, name, secret, granted, now, expiresAt);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> of(String user) {
		this.directory.user(user);
		return this.tokens.of(user);
	}

	public void revoke(String user, String id) {
		TokenInfo before = this.tokens.find(user, id)
			.orElseThrow(() -> NotFound.because("User '" + user + "' has no token '" + id + "'"));
		this.tokens.revoke(id, this.clock.instant());
		this.audit.record("token.revoked", user + "/tokens/" + id, null, before,
				this.tokens.find(user, id).orElseThrow());
	}

}
