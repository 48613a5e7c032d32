package dev.steward.access;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

import dev.steward.common.ActorIdentity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a request acts as: a user (or the bootstrap administrator) with the scopes of the
 * token or session that authenticated it; {@code admin} is true only when the user is an
 * administrator and the scopes include {@code admin}. Serializable, as web sessions keep
 * it in the database.
 */
public record StewardPrincipal(String name, boolean admin, Set<String> scopes,
		String tokenId) implements Principal, ActorIdentity, Serializable {

	/**
	 * The actor name of the organization administrator behind the bootstrap token; not a
	 * valid user name, so no user can be mistaken for it.
	 */
	public static final String BOOTSTRAP_ADMIN = "token:bootstrap";

	@Override
	public String getName() {
		return this.name;
	}

	/** The principal of the current request, however it signed in, or {@code null}. */
	public static StewardPrincipal current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return null;
		}
		if (authentication.getPrincipal() instanceof StewardPrincipal principal) {
			return principal;
		}
		return authentication.getPrincipal() instanceof Carrier carrier ? carrier.stewardPrincipal() : null;
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

	/**
	 * A principal of another sign-in method (such as OpenID Connect) that stands for a
	 * Steward principal.
	 */
	public interface Carrier {

		StewardPrincipal stewardPrincipal();

	}

}
