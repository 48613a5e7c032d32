package dev.steward.access;

import java.lang.annotation.Annotation;

import dev.steward.access.internal.AccessPolicy;
import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Forbidden;
import org.springframework.stereotype.Service;

/**
 * The authorization rules for changes that do not arrive one endpoint at a time, such as
 * a catalog apply: the same rules as {@link Allow} on an endpoint, asked for one
 * resource.
 */
@Service
public class ChangePermissions {

	private final AccessPolicy policies;

	ChangePermissions(AccessPolicy policies) {
		this.policies = policies;
	}

	/**
	 * Throws {@link Forbidden} unless the current principal may make a change that
	 * {@code rule} governs on the resource of {@code kind} named {@code name}.
	 */
	public void require(Rule rule, String kind, String name) {
		require(rule, kind, name, "");
	}

	/**
	 * As {@link #require(Rule, String, String)} for a service's resource that belongs to
	 * {@code aspect}: the team that accepted the delegation of that aspect passes too.
	 */
	public void require(Rule rule, String kind, String name, String aspect) {
		StewardPrincipal principal = StewardPrincipal.current();
		if (principal == null) {
			throw Forbidden.because("Signing in is required");
		}
		this.policies.checkChange(principal, new RuleLiteral(rule, kind, aspect), variable -> name);
	}

	/**
	 * An {@link Allow} made at run time, naming its resource through the variable
	 * {@code name}.
	 */
	private record RuleLiteral(Rule value, String resource, String aspect) implements Allow {

		@Override
		public String from() {
			return "name";
		}

		@Override
		public String scope() {
			return "";
		}

		@Override
		public Class<? extends Annotation> annotationType() {
			return Allow.class;
		}

	}

}
