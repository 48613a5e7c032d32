package dev.steward.catalog.internal;

import java.util.Optional;

import dev.steward.common.OwnedResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the access rules who owns the catalog's resources: a team owns itself, a service
 * its owner.
 */
@Configuration(proxyBeanMethods = false)
class CatalogOwnership {

	@Bean
	OwnedResources teamOwnership(Teams teams) {
		return owned("team", name -> teams.find(name).map(Teams.Row::name));
	}

	@Bean
	OwnedResources serviceOwnership(Services services) {
		return owned("service", name -> services.find(name).map(service -> service.owner()));
	}

	private static OwnedResources owned(String kind, java.util.function.Function<String, Optional<String>> owner) {
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
