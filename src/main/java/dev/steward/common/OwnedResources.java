package dev.steward.common;

import java.util.Optional;

/**
 * Tells the access rules which team owns a resource of one kind; each module that has
 * team-owned resources provides one, so authorization stays in one place.
 */
public interface OwnedResources {

	/** The resource kind this answers for, as named in {@link Allow#resource()}. */
	String kind();

	/** The owning team of the named resource, or empty when it does not exist. */
	Optional<String> owningTeam(String name);

}
