package dev.steward.access.internal;

import java.time.Clock;

import dev.steward.access.StewardPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Signs a person in to the web UI with an API token typed into the sign-in form. */
@Component
class SignInTokenProvider implements AuthenticationProvider {

	private final ApiTokens tokens;

	private final Clock clock;

	SignInTokenProvider(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Object credentials = authentication.getCredentials();
		if (credentials == null || credentials.toString().isBlank()) {
			throw new BadCredentialsException("No token given");
		}
		StewardPrincipal principal = this.tokens.authenticate(credentials.toString().trim(), this.clock.instant())
			.orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired token"));
		return TokenAuthentication.of(principal);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
