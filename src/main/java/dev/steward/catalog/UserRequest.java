package dev.steward.catalog;

/** Body of creating or fully updating a user. */
public record UserRequest(String name, String displayName, String email, String timeZone) {

	/** The request that would recreate this user, the base of a merge patch. */
	public static UserRequest from(UserEntry user) {
		return new UserRequest(user.name(), user.displayName(), user.email(), user.timeZone());
	}

}
