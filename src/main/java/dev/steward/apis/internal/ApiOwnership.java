package dev.steward.apis.internal;

import dev.steward.catalog.ServiceCatalog;
import dev.steward.catalog.ServiceEntry;
import dev.steward.common.OwnedResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the access rules that an API belongs to its service's owning team. */
@Configuration(proxyBeanMethods = false)
class ApiOwnership {

	@Bean
	OwnedResources apiOwners(ApiStore apis, ServiceCatalog services) {
		return OwnedResources.ofService("api", name -> apis.find(name).map(ApiStore.Row::service),
				service -> services.findService(service).map(ServiceEntry::owner));
	}

}
