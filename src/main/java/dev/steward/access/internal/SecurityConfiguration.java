package dev.steward.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.steward.common.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security rules, in four chains: the event doors, the token-authenticated API, the
 * public health, metrics and API-description endpoints, and the web UI, whose sessions
 * live in the database so that any node serves them. Secure by default: whatever no rule
 * opens needs authentication; what a caller may change is then decided by
 * {@link AuthorizationInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The paths of the event doors, open to anyone who holds an integration key. */
	static final String[] EVENT_DOORS = { "/api/v1/events", "/integrations/pagerduty/**",
			"/integrations/alertmanager/**" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	@Bean
	PasswordEncoder passwordEncoder(@Value("${steward.security.bcrypt-strength:12}") int strength) {
		return new BCryptPasswordEncoder(strength);
	}

	@Bean
	FailureLimiter tokenFailures(@Value("${steward.security.token-failures-per-minute:30}") int budget, Clock clock) {
		return new FailureLimiter(budget, clock);
	}

	@Bean
	FailureLimiter signInFailures(@Value("${steward.security.sign-in-failures-per-minute:10}") int budget,
			Clock clock) {
		return new FailureLimiter(budget, clock);
	}

	/**
	 * The event doors: monitoring tools authenticate with the integration key in the body
	 * or path, never with a bearer token, and keep no session.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain eventDoors(HttpSecurity http) throws Exception {
		return http.securityMatcher(EVENT_DOORS)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Principals principals,
			@Qualifier("tokenFailures") FailureLimiter failures, Clock clock) throws Exception {
		return http.securityMatcher("/api/**", "/integrations/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, principals, failures, clock),
					UsernamePasswordAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "Unauthorized",
						"A valid API token is required: send 'Authorization: Bearer <token>'"))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
						"Your token does not allow this request")))
			.build();
	}

	/**
	 * Open to anyone; an API token, when one is sent, only lets the health endpoint show
	 * its details.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain open(HttpSecurity http, ApiTokens tokens, Principals principals,
			@Qualifier("tokenFailures") FailureLimiter failures, Clock clock) throws Exception {
		return http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.addFilterBefore(new BearerTokenFilter(tokens, principals, failures, clock),
					UsernamePasswordAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, @Qualifier("signInFailures") FailureLimiter failures,
			ObjectProvider<ClientRegistrationRepository> oidcProviders, OidcSignIn oidcSignIn) throws Exception {
		if (oidcProviders.getIfAvailable() != null) {
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcSignIn))
				.defaultSuccessUrl("/services")
				.failureUrl("/login?error"));
		}
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/schemas/**", "/favicon.ico", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new SignInThrottle(failures), UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/services")
				.failureHandler((request, response, ex) -> {
					failures.recordFailure(request.getRemoteAddr());
					response.sendRedirect(request.getContextPath()
							+ (ex instanceof LockedException ? "/login?locked" : "/login?error"));
				})
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		if (status == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		ProblemWriter.write(response, status, title, detail);
	}

	/**
	 * Answers 429 to sign-in attempts from an address that failed too often in the last
	 * minute.
	 */
	private static final class SignInThrottle extends OncePerRequestFilter {

		private final FailureLimiter failures;

		SignInThrottle(FailureLimiter failures) {
			this.failures = failures;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Optional<java.time.Duration> wait = "POST".equals(request.getMethod())
					&& "/login".equals(request.getServletPath()) ? this.failures.retryAfter(request.getRemoteAddr())
							: Optional.empty();
			if (wait.isPresent()) {
				long seconds = Math.max(1, wait.get().toSeconds());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				ProblemWriter.write(response, 429, "Too many requests",
						"Too many failed sign-ins from this address; retry in " + seconds + " s");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
