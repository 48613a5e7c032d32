package dev.steward.access.internal;

import java.util.Collection;

import dev.steward.access.StewardPrincipal;
import dev.steward.common.ActorIdentity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through an OpenID Connect provider, carrying the Steward user they
 * are.
 */
class StewardOidcUser extends DefaultOidcUser implements StewardPrincipal.Carrier, ActorIdentity {

	private final StewardPrincipal principal;

	StewardOidcUser(OidcUser user, String nameClaim, StewardPrincipal principal,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
		this.principal = principal;
	}

	@Override
	public StewardPrincipal stewardPrincipal() {
		return this.principal;
	}

	@Override
	public String name() {
		return this.principal.name();
	}

	@Override
	public String tokenId() {
		return null;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
