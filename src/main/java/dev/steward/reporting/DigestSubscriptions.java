package dev.steward.reporting;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Directory;
import dev.steward.common.InvalidInput;
import dev.steward.common.NotFound;
import dev.steward.common.Upsert;
import dev.steward.common.Validation;
import dev.steward.reporting.internal.SubscriptionStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who gets which weekly digest: each user subscribes to the digest of any team
 * ({@code team:<name>}) or of the organization ({@code organization}).
 */
@Service
@Transactional
public class DigestSubscriptions {

	/** The scope of the organization's digest. */
	public static final String ORGANIZATION = "organization";

	private static final String TEAM = "team:";

	private final SubscriptionStore store;

	private final Directory directory;

	private final AuditTrail audit;

	private final Clock clock;

	DigestSubscriptions(SubscriptionStore store, Directory directory, AuditTrail audit, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<DigestSubscription> ofUser(String user) {
		this.directory.user(user);
		return this.store.ofUser(user);
	}

	/** The users subscribed to a team's digest. */
	@Transactional(readOnly = true)
	public List<DigestSubscription> ofTeam(String team) {
		return this.store.ofTeam(team);
	}

	@Transactional(readOnly = true)
	public List<DigestSubscription> all() {
		return this.store.all();
	}

	/** Subscribes the user to the scope's digest; subscribing twice changes nothing. */
	public Upsert<DigestSubscription> subscribe(String user, String scope) {
		this.directory.user(user);
		String team = team(scope);
		Optional<DigestSubscription> existing = this.store.find(user, scope);
		if (existing.isPresent()) {
			return new Upsert<>(existing.get(), false);
		}
		this.store.insert(new DigestSubscription(user, scope, team, this.clock.instant()));
		DigestSubscription stored = this.store.find(user, scope).orElseThrow();
		this.audit.record("digest.subscribed", target(user, scope), null, null, stored);
		return new Upsert<>(stored, true);
	}

	public void unsubscribe(String user, String scope) {
		this.directory.user(user);
		DigestSubscription before = this.store.find(user, scope)
			.orElseThrow(() -> NotFound.because("User '" + user + "' is not subscribed to the digest of " + scope));
		this.store.delete(user, scope);
		this.audit.record("digest.unsubscribed", target(user, scope), null, before, null);
	}

	/**
	 * The team a scope names, {@code null} for the organization; anything else is a 400,
	 * an unknown team a 404.
	 */
	private String team(String scope) {
		if (ORGANIZATION.equals(scope)) {
			return null;
		}
		if (scope == null || !scope.startsWith(TEAM) || !Validation.isName(scope.substring(TEAM.length()))) {
			throw InvalidInput.field("scope", "must be 'organization' or 'team:<team>'");
		}
		return this.directory.team(scope.substring(TEAM.length())).name();
	}

	private static String target(String user, String scope) {
		return "users/" + user + "/digest-subscriptions/" + scope;
	}

}
