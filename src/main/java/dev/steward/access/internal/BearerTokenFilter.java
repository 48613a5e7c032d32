package dev.steward.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.steward.access.StewardPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer <token>}; an unknown,
 * revoked or expired token leaves the request anonymous, which the rules then refuse.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final Clock clock;

	BearerTokenFilter(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			String secret = header.substring(BEARER.length()).trim();
			Optional<StewardPrincipal> principal = this.tokens.authenticate(secret, this.clock.instant());
			principal.ifPresent(
					found -> SecurityContextHolder.getContext().setAuthentication(TokenAuthentication.of(found)));
		}
		chain.doFilter(request, response);
	}

}
