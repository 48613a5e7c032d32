package dev.steward.catalog.internal;

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
		return OwnedResources.of("team", name -> teams.find(name).map(Teams.Row::name));
	}

	@Bean
	OwnedResources serviceOwnership(Services services) {
		return OwnedResources.of("service", name -> services.find(name).map(service -> service.owner()));
	}

}
