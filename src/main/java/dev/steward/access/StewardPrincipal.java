package dev.steward.access;

import java.security.Principal;
import java.util.Set;

import dev.steward.common.ActorIdentity;

/**
 * Who a request acts as: a user (or the bootstrap administrator) with the scopes of the
 * token or session that authenticated it; {@code admin} is true only when the user is an
 * administrator and the scopes include {@code admin}.
 */
public record StewardPrincipal(String name, boolean admin, Set<String> scopes,
		String tokenId) implements Principal, ActorIdentity {

	/**
	 * The actor name of the organization administrator behind the bootstrap token; not a
	 * valid user name, so no user can be mistaken for it.
	 */
	public static final String BOOTSTRAP_ADMIN = "token:bootstrap";

	@Override
	public String getName() {
		return this.name;
	}

	public boolean mayRead() {
		return this.scopes.contains(Scopes.READ) || mayWrite();
	}

	public boolean mayWrite() {
		return this.scopes.contains(Scopes.WRITE) || this.scopes.contains(Scopes.ADMIN);
	}

	/**
	 * True when a narrow scope such as {@code deploy:payments-api} names this resource.
	 */
	public boolean hasScopeFor(String scope, String resource) {
		return this.scopes.contains(scope + ":" + resource);
	}

}
