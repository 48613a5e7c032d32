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

	/**
	 * The name a narrow token scope such as {@code deploy:<service>} must carry to act on
	 * the named resource: the service it belongs to, or its own name.
	 */
	default Optional<String> scopeSubject(String name) {
		return Optional.of(name);
	}

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

	/**
	 * The resources of {@code kind} that belong to a service, as {@code service} answers,
	 * owned by the team that {@code serviceOwner} names for that service.
	 */
	static OwnedResources ofService(String kind, Function<String, Optional<String>> service,
			Function<String, Optional<String>> serviceOwner) {
		return new OwnedResources() {

			@Override
			public String kind() {
				return kind;
			}

			@Override
			public Optional<String> owningTeam(String name) {
				return service.apply(name).flatMap(serviceOwner);
			}

			@Override
			public Optional<String> scopeSubject(String name) {
				return service.apply(name);
			}

		};
	}

}
