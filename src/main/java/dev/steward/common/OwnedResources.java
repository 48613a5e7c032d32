package dev.steward.common;

import java.util.Optional;
import java.util.function.Function;

/**
 * Tells the access rules which team owns a resource of one kind; each module that has
 * team-owned resources provides one, so authorization stays in one place.
 */
public interface OwnedResources {

	/** The resource kind this answers for, as named in {@link Allow#resource()}. */
	String kind();

	/** The owning team of the named resource, or empty when it does not exist. */
	Optional<String> owningTeam(String name);

	/** The resources of {@code kind}, owned as {@code owner} answers. */
	static OwnedResources of(String kind, Function<String, Optional<String>> owner) {
		return new OwnedResources() {

			@Override
			public String kind() {
				return kind;
			}

			@Override
			public Optional<String> owningTeam(String name) {
				return owner.apply(name);
			}

		};
	}

}
