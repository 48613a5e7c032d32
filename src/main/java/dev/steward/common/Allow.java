package dev.steward.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The authorization rule of a mutating endpoint. Every handler that changes state carries
 * one; the access module evaluates it before the handler runs and refuses any mutating
 * handler without it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allow {

	/** Who may call the endpoint. */
	Rule value();

	/**
	 * The kind of resource whose owning team the rule is about ({@code "service"},
	 * {@code "team"}, …), for {@link Rule#TEAM_MEMBER} and {@link Rule#TEAM_LEAD}.
	 */
	String resource() default "";

	/**
	 * Where the resource's name comes from: a path variable ({@code "service"}) or a
	 * field of the JSON body ({@code "body.owner"}).
	 */
	String from() default "";

	/**
	 * For a service's resources: the aspect of ownership the endpoint belongs to; a team
	 * that accepted the delegation of that aspect may act too.
	 */
	String aspect() default "";

	/**
	 * A narrow token scope that also permits the call when it names the resource, such as
	 * {@code "deploy"} for tokens scoped {@code deploy:<service>}.
	 */
	String scope() default "";

	/** The rules; admins pass every rule. */
	enum Rule {

		/** Anyone signed in with a token that may write. */
		SIGNED_IN,
		/** Organization administrators only. */
		ADMIN,
		/** The user named by {@link Allow#from()} themself. */
		SELF,
		/**
		 * Members of the resource's owning team (or of the team that accepted
		 * {@link Allow#aspect()}).
		 */
		TEAM_MEMBER,
		/** Leads of the resource's owning team. */
		TEAM_LEAD,
		/**
		 * Members of the team that a service's aspect (path variable {@code aspect}) is
		 * delegated to.
		 */
		DELEGATED_TEAM,
		/**
		 * Members of the team that a transfer (path variable {@code id}) would give the
		 * service to.
		 */
		RECEIVING_TEAM,
		/**
		 * Senders of events: no signed-in principal; the handler authenticates the
		 * service's integration key that the request carries.
		 */
		INTEGRATION_KEY

	}

}
