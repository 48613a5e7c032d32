package dev.steward.access;

import java.security.Principal;
import java.util.Set;

/**
 * Who a request acts as: a user (or the bootstrap administrator) with the scopes of the
 * token or session that authenticated it.
 */
public record StewardPrincipal(String name, boolean admin, Set<String> scopes) implements Principal {

	/**
	 * The actor name of the organization administrator created from the bootstrap token.
	 */
	public static final String BOOTSTRAP_ADMIN = "admin";

	@Override
	public String getName() {
		return this.name;
	}

}
