package dev.steward.access.internal;

import java.util.ArrayList;
import java.util.List;

import dev.steward.access.StewardPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Builds the authenticated Spring Security object for a Steward principal. */
final class TokenAuthentication {

	private TokenAuthentication() {
	}

	static UsernamePasswordAuthenticationToken of(StewardPrincipal principal) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		principal.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		if (principal.admin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

}
