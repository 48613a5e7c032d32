package dev.steward.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.steward.access.TokenInfo;
import dev.steward.common.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer <token>}. An unknown,
 * revoked or expired token leaves the request anonymous (the rules then answer 401) and
 * counts against the client's failure budget; a client over budget gets 429 before its
 * token is even looked at.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final Principals principals;

	private final FailureLimiter failures;

	private final Clock clock;

	BearerTokenFilter(ApiTokens tokens, Principals principals, FailureLimiter failures, Clock clock) {
		this.tokens = tokens;
		this.principals = principals;
		this.failures = failures;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			Optional<Duration> wait = this.failures.retryAfter(request.getRemoteAddr());
			if (wait.isPresent()) {
				long seconds = Math.max(1, wait.get().toSeconds());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				ProblemWriter.write(response, 429, "Too many requests",
						"Too many failed authentications from this address; retry in " + seconds + " s");
				return;
			}
			Optional<TokenInfo> token = this.tokens.authenticate(header.substring(BEARER.length()).trim(),
					this.clock.instant());
			if (token.isPresent()) {
				SecurityContextHolder.getContext()
					.setAuthentication(TokenAuthentication.of(this.principals.ofToken(token.get())));
			}
			else {
				this.failures.recordFailure(request.getRemoteAddr());
			}
		}
		chain.doFilter(request, response);
	}

}
