package dev.steward.access.internal;

import dev.steward.access.StewardPrincipal;
import dev.steward.catalog.Directory;
import dev.steward.catalog.UserEntry;
import dev.steward.common.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Maps a person signed in by an OpenID Connect provider to the Steward user whose name is
 * in the configured claim ({@code preferred_username} unless set otherwise); a person
 * without a Steward user is refused, so the catalog stays the source of who is who.
 */
@Component
class OidcSignIn extends OidcUserService {

	private final Directory directory;

	private final Principals principals;

	private final String usernameClaim;

	OidcSignIn(Directory directory, Principals principals,
			@Value("${steward.oidc.username-claim:preferred_username}") String usernameClaim) {
		this.directory = directory;
		this.principals = principals;
		this.usernameClaim = usernameClaim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = super.loadUser(request);
		Object name = user.getClaims().get(this.usernameClaim);
		if (name == null) {
			throw refused("The identity provider sent no '" + this.usernameClaim + "' claim");
		}
		UserEntry entry;
		try {
			entry = this.directory.user(name.toString());
		}
		catch (NotFound ex) {
			throw refused("No Steward user is named '" + name + "'");
		}
		StewardPrincipal principal = this.principals.ofUser(entry);
		return new StewardOidcUser(user, this.usernameClaim, principal,
				TokenAuthentication.of(principal).getAuthorities());
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error("unknown_user", why, null), why);
	}

}
