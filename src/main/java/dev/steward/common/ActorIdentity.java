package dev.steward.common;

/**
 * What the audit needs to know of an authenticated principal: its name and the token it
 * used, if any.
 */
public interface ActorIdentity {

	String name();

	/**
	 * The id of the API token that authenticated the request, or {@code null} for a web
	 * session.
	 */
	String tokenId();

}
